// Casting a ballot: who may vote, what a valid ballot is, and the one transaction that marks the voter and stores the ballot.
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { ageOn, codeHash, normaliseCode, parsePersonalNumber, pinHash, randomCode, receiptHash } from "./votes.crypto.js";
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
export function checkChoices(vote: repo.Vote, options: repo.VoteOption[], choices: string[], blank: boolean): string[] {
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

async function voterKeyForPin(db: Db, vote: repo.Vote, hash: string, age: number | null): Promise<string> {
	if (vote.minAge !== null && (age === null || age < vote.minAge)) throw new VoteRefusal("vote.refusal.tooYoung");
	if ((await repo.rollSize(db, vote.id)) === 0) return `pin:${hash}`;
	const entry = await repo.findRollEntry(db, vote.id, hash);
	if (!entry) throw new VoteRefusal("vote.refusal.notOnRoll");
	return `roll:${entry.id}`;
}

/** The key a voter is marked by: the same person gets the same key on every channel, so one mark stops them all. */
async function voterKey(db: Db, vote: repo.Vote, channel: Channel, voter: Voter, now: Date): Promise<string> {
	if (channel === "eid" || channel === "paper") {
		const parsed = voter.pin ? parsePersonalNumber(voter.pin, now) : null;
		if (!parsed?.ok) throw new VoteRefusal("vote.refusal.badPin");
		return voterKeyForPin(db, vote, pinHash(parsed.value.pin), ageOn(parsed.value.birthDate, now));
	}
	if (channel === "code") {
		const code = normaliseCode(voter.code ?? "");
		if (code.length < 10) throw new VoteRefusal("vote.refusal.unknownCode");
		const found = await repo.findCode(db, vote.id, codeHash(code));
		if (!found) throw new VoteRefusal("vote.refusal.unknownCode");
		return found.rollId ? `roll:${found.rollId}` : `code:${found.id}`;
	}
	if (!voter.userId || !isUuid(voter.userId)) throw new VoteRefusal("vote.refusal.signIn");
	return `user:${voter.userId}`;
}

/**
 * Takes one ballot: checks the period, channel, eligibility and choices, then marks the voter and stores the ballot
 * in one transaction. A second attempt by the same voter, on any channel or process, hits the mark's primary key
 * and is refused. Returns the receipt the voter can check later; only its hash is stored.
 */
export async function castBallot(db: Db, input: BallotInput): Promise<{ receipt: string }> {
	const now = new Date();
	const vote = isUuid(input.voteId) ? await repo.findVote(db, input.voteId) : undefined;
	if (!vote) throw new VoteRefusal("vote.refusal.unknownVote");
	if (!(channels as readonly string[]).includes(input.channel) || !voteChannels(vote).includes(input.channel)) throw new VoteRefusal("vote.refusal.channelClosed");
	if (!takesBallots(vote, input.channel, now)) throw new VoteRefusal(now >= vote.closesAt ? "vote.refusal.closed" : "vote.refusal.notOpen");
	const options = await repo.listOptions(db, vote.id);
	const choices = checkChoices(vote, options, input.choices, input.blank === true);
	const key = await voterKey(db, vote, input.channel, input.voter, now);
	const receipt = randomCode(16);
	try {
		await db.transaction(async (tx) => {
			await repo.insertMark(tx, vote.id, key, input.channel);
			await repo.insertBallot(tx, {
				id: randomUuid(),
				voteId: vote.id,
				choices: choices.join(","),
				blank: input.blank === true,
				channel: input.channel,
				day: todayInSweden(now),
				receiptHash: receiptHash(receipt),
			});
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new VoteRefusal(input.channel === "code" ? "vote.refusal.codeUsed" : "vote.refusal.alreadyVoted");
		throw err;
	}
	return { receipt };
}

/** A random uuid from the system's generator: ballot ids carry no order. */
function randomUuid(): string {
	return crypto.randomUUID();
}
