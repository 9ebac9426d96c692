// Casting a ballot: who may vote, what a valid ballot is, and the one statement that marks the voter and queues the ballot.
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { ageOn, parsePersonalNumber } from "../../lib/personal-number.js";
import { codeHash, normaliseCode, pinHash, queuedReceiptHash, randomCode, receiptHash } from "./votes.crypto.js";
import { noteQueued, sealQueuedBallot } from "./votes.mixing.js";
import * as repo from "./votes.repo.js";

/** The ways a ballot can arrive. */
export const channels = ["eid", "code", "paper", "email"] as const;
export type Channel = (typeof channels)[number];

/** Why a ballot was not taken; `messageKey` is the message the voter reads. Nothing is stored when this is thrown. */
export class VoteRefusal extends Error {
	constructor(readonly messageKey: string) {
		super(messageKey);
		this.name = "VoteRefusal";
	}
}

/** Who is voting, as the channel verified them. */
export type Voter = {
	/** 12-digit personal identity number, verified by e-ID or checked by the official entering a paper ballot. */
	pin?: string;
	/** A letter code as typed. */
	code?: string;
	/** A signed-in account (e-mail channel, unverified). */
	userId?: string;
};

/** A ballot as handed in. */
export type BallotInput = { voteId: string; channel: Channel; voter: Voter; choices: string[]; blank?: boolean };

/** The open channels of a vote. */
export function voteChannels(vote: repo.Vote): Channel[] {
	return vote.channels.split(",").filter((c): c is Channel => (channels as readonly string[]).includes(c));
}

/** Whether a vote takes ballots at this moment. */
export function isOpen(vote: repo.Vote, now = new Date()): boolean {
	return vote.frozenAt !== null && vote.opensAt <= now && now < vote.closesAt;
}

/** Paper slips cast in the period may be entered after the close, until the results are published. */
function takesBallots(vote: repo.Vote, channel: Channel, now: Date): boolean {
	if (channel === "paper") return vote.frozenAt !== null && vote.opensAt <= now && vote.resultsPublishedAt === null;
	return isOpen(vote, now);
}

/** Checks the chosen options against the vote: known ids, no repeats, not too many, blank only when allowed. */
function checkChoices(vote: repo.Vote, options: repo.VoteOption[], choices: string[], blank: boolean): string[] {
	if (blank) {
		if (!vote.blankAllowed) throw new VoteRefusal("vote.refusal.noBlank");
		if (choices.length) throw new VoteRefusal("vote.refusal.blankAndChoice");
		return [];
	}
	if (choices.length === 0) throw new VoteRefusal("vote.refusal.noChoice");
	if (new Set(choices).size !== choices.length) throw new VoteRefusal("vote.refusal.repeatedChoice");
	if (choices.length > vote.maxChoices) throw new VoteRefusal("vote.refusal.tooMany");
	const known = new Map(options.map((o) => [o.id, o.position]));
	if (!choices.every((c) => known.has(c))) throw new VoteRefusal("vote.refusal.unknownOption");
	return [...choices].sort((a, b) => (known.get(a) ?? 0) - (known.get(b) ?? 0));
}

/** How the store finds the voter's key: the same person gets the same key on every channel, so one mark stops them all. */
function voterLookup(vote: repo.Vote, channel: Channel, voter: Voter, now: Date): repo.VoterLookup {
	if (channel === "eid" || channel === "paper") {
		const parsed = voter.pin ? parsePersonalNumber(voter.pin, now) : null;
		if (!parsed?.ok) throw new VoteRefusal("vote.refusal.badPin");
		const age = ageOn(parsed.value.birthDate, now);
		if (vote.minAge !== null && age < vote.minAge) throw new VoteRefusal("vote.refusal.tooYoung");
		return { pinHash: pinHash(parsed.value.pin) };
	}
	if (channel === "code") {
		const code = normaliseCode(voter.code ?? "");
		if (code.length < 10) throw new VoteRefusal("vote.refusal.unknownCode");
		return { codeHash: codeHash(code) };
	}
	if (!voter.userId || !isUuid(voter.userId)) throw new VoteRefusal("vote.refusal.signIn");
	return { key: `user:${voter.userId}` };
}

/** Frozen votes and their options, per database. Once a vote is open its options and period cannot change. */
const frozenVotes = new WeakMap<Db, Map<string, Promise<{ vote: repo.Vote; options: repo.VoteOption[] } | undefined>>>();

/**
 * A vote and its options, read once per process after the vote is opened. Only the web channels use it, for what never
 * changes after opening (frozen options, the channels); the period can (closing early, in any process), so the
 * statement that stores checks it again in the database. Paper ballots always read the vote.
 */
async function voteForBallot(db: Db, voteId: string, channel: Channel): Promise<{ vote: repo.Vote; options: repo.VoteOption[] } | undefined> {
	const load = async () => {
		const vote = await repo.findVote(db, voteId);
		return vote && { vote, options: await repo.listOptions(db, vote.id) };
	};
	if (channel === "paper") return load();
	const cache = frozenVotes.get(db) ?? new Map();
	frozenVotes.set(db, cache);
	const hit = cache.get(voteId);
	if (hit) return hit;
	const loaded = load();
	const found = await loaded;
	if (found?.vote.frozenAt) cache.set(voteId, loaded);
	return found;
}

/** Forgets a cached vote in this process (after its results are published, so the memory is given back). */
export function forgetCachedVote(db: Db, voteId: string): void {
	frozenVotes.get(db)?.delete(voteId);
}

/**
 * Takes one ballot: checks the period, channel, eligibility and choices, then marks the voter and queues the ballot
 * sealed, in one statement that checks the period once more in the database (another process may have closed the vote); mixing later moves it to the ballots and the kept counts (votes.mixing.ts). A second
 * attempt by the same voter, on any channel or process, finds the mark's primary key taken and is refused. Returns the
 * receipt the voter can check later; only hashes of it are stored. One round trip: the vote and its options are cached,
 * and the voter is looked up in the statement that stores.
 */
export async function castBallot(db: Db, input: BallotInput): Promise<{ receipt: string }> {
	const now = new Date();
	const found = isUuid(input.voteId) ? await voteForBallot(db, input.voteId, input.channel) : undefined;
	if (!found) throw new VoteRefusal("vote.refusal.unknownVote");
	const { vote, options } = found;
	if (!(channels as readonly string[]).includes(input.channel) || !voteChannels(vote).includes(input.channel)) throw new VoteRefusal("vote.refusal.channelClosed");
	if (!takesBallots(vote, input.channel, now)) throw new VoteRefusal(now >= vote.closesAt ? "vote.refusal.closed" : "vote.refusal.notOpen");
	const choices = checkChoices(vote, options, input.choices, input.blank === true);
	const who = voterLookup(vote, input.channel, input.voter, now);
	const receipt = randomCode(16);
	const ballot = {
		// A random uuid from the system's generator: ballot ids carry no order.
		id: crypto.randomUUID(),
		choices: choices.join(","),
		blank: input.blank === true,
		channel: input.channel,
		day: todayInSweden(now),
		receiptHash: receiptHash(receipt),
	};
	const { refusal, eligible, stored } = await repo.markAndQueueBallot(db, who, {
		voteId: vote.id,
		channel: input.channel,
		sealed: sealQueuedBallot(ballot, options.length),
		receiptLookup: queuedReceiptHash(receipt),
	});
	if (refusal) throw new VoteRefusal(`vote.refusal.${refusal}`);
	if (!eligible) throw new VoteRefusal(input.channel === "code" ? "vote.refusal.unknownCode" : "vote.refusal.notOnRoll");
	if (!stored) throw new VoteRefusal(input.channel === "code" ? "vote.refusal.codeUsed" : "vote.refusal.alreadyVoted");
	// A paper batch counts inside its own transaction; it mixes once that has committed.
	if (input.channel !== "paper") noteQueued(db, vote.id);
	return { receipt };
}
