// The demo's public vote, 8–20 January 2019: closed, on the web (letter codes) and on paper, with generated ballots
// whose result matches the protocol (proposal 5 wins with just over 40 %). Generated from a fixed seed.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { stockholmInstant, stockholmParts } from "../i18n/stockholm-time.js";
import * as s from "../schema.js";
import { appendAudit, codeHash, normaliseCode, pinHash, publishVote, randomCode, receiptHash, seal } from "../modules/votes/index.js";

/** Ballots per proposal number (and blank): 372 of 900 is 41.3 % for proposal 5; 912 ballots of 4 094 residents. */
export const demoBallots = { 1: 130, 2: 118, 3: 146, 4: 134, 5: 372, blank: 12 } as const;
/** How many of the ballots came on paper at the town hall; the rest by letter code on the web. */
const paperBallots = 208;
/** Letter codes sent (more than were used, as in any postal vote). */
const codesSent = 1000;

/** A small seeded generator (mulberry32), so the demo is the same on every load. */
function seeded(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Turns the demo vote into a closed vote with options, codes, marked voters, ballots and a verifiable audit chain. */
export async function seedNorsjoVotes(tx: Db, programmeId: string, proposals: { id: string; number: number; title: string; subtext: string }[]): Promise<void> {
	const rnd = seeded(20190120);
	const pick = (max: number) => Math.floor(rnd() * max);
	const uuid = () => {
		const h = Array.from({ length: 32 }, () => pick(16).toString(16)).join("");
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((pick(4) + 8) as number).toString(16)}${h.slice(17, 20)}-${h.slice(20)}`;
	};
	const [vote] = await tx
		.update(s.votes)
		.set({ channels: "code,paper", maxChoices: 1, blankAllowed: true, resultsBeforeClose: false })
		.where(eq(s.votes.programmeId, programmeId))
		.returning();
	if (!vote) throw new Error("the demo vote is missing");
	const sorted = [...proposals].sort((a, b) => a.number - b.number);
	const options = await tx
		.insert(s.voteOptions)
		.values(sorted.map((p) => ({ voteId: vote.id, proposalId: p.id, position: p.number, title: p.title, subtext: p.subtext })))
		.returning();
	await appendAudit(tx, vote.id, "created", { options: options.length, maxChoices: 1, channels: ["code", "paper"], opensAt: vote.opensAt, closesAt: vote.closesAt });

	const codes = Array.from({ length: codesSent }, () => {
		const code = randomCode(12, pick);
		return { id: uuid(), voteId: vote.id, codeHash: codeHash(normaliseCode(code)), sealed: seal(code), rollId: null, batch: 1 };
	});
	for (let i = 0; i < codes.length; i += 1000) await tx.insert(s.voteCodes).values(codes.slice(i, i + 1000));
	await appendAudit(tx, vote.id, "codesIssued", { batch: 1, issued: codes.length, personal: false });
	await tx.update(s.votes).set({ frozenAt: vote.opensAt }).where(eq(s.votes.id, vote.id));
	await appendAudit(tx, vote.id, "opened", { options: options.length, rollSize: 0 });

	const choices: (string | null)[] = [];
	for (const o of options) for (let i = 0; i < demoBallots[o.position as 1 | 2 | 3 | 4 | 5]; i++) choices.push(o.id);
	for (let i = 0; i < demoBallots.blank; i++) choices.push(null);
	for (let i = choices.length - 1; i > 0; i--) {
		const j = pick(i + 1);
		[choices[i], choices[j]] = [choices[j]!, choices[i]!];
	}
	const days = Array.from({ length: 13 }, (_, i) => `2019-01-${String(8 + i).padStart(2, "0")}`);
	const ballots = choices.map((c, i) => ({
		id: uuid(),
		voteId: vote.id,
		choices: c ?? "",
		blank: c === null,
		channel: i < paperBallots ? "paper" : "code",
		day: days[pick(days.length)]!,
		receiptHash: receiptHash(randomCode(16, pick)),
	}));
	// Paper voters are marked by their (made-up) personal identity number, web voters by the code they used.
	const marks = ballots.map((b, i) => ({
		voteId: vote.id,
		voterKey: b.channel === "paper" ? `pin:${pinHash(`19${String(40 + pick(60))}0101${String(i).padStart(4, "0")}`)}` : `code:${codes[i - paperBallots]!.id}`,
		channel: b.channel,
	}));
	for (let i = 0; i < ballots.length; i += 500) {
		await tx.insert(s.voterMarks).values(marks.slice(i, i + 500));
		await tx.insert(s.ballots).values(ballots.slice(i, i + 500));
	}
	await appendAudit(tx, vote.id, "paperBatch", { ballots: paperBallots });
	await publishVote(tx, vote.id);
}

/** The citizens' budget: residents choose up to two of these for 2027's budget (made-up projects, not a real plan). */
export const openVote = {
	title: "Medborgarbudget 2027",
	options: [
		{ title: "Elljusspår i Bastuträsk", subtext: "Belysning längs den gamla motionsslingan, så att den går att använda hela vintern." },
		{ title: "Lekplats vid Norsjö badplats", subtext: "En ny lekplats med skugga och bänkar nära stranden." },
		{ title: "Mötesplats för unga i Kusfors", subtext: "En lokal med kvällsöppet två dagar i veckan, som ungdomarna själva är med och driver." },
		{ title: "Vindskydd vid Skellefteälven", subtext: "Tre vindskydd med eldstad längs vandringsleden, för friluftsliv och skolutflykter." },
	],
};

/**
 * An open vote with days left, so the start page shows what residents can do now: opened at midnight five days before
 * the demo is loaded and closing at midnight (Swedish time) sixteen days after, on the web with letter codes and on paper.
 */
export async function seedNorsjoOpenVote(tx: Db, programmeId: string, now = new Date()): Promise<void> {
	const day = 24 * 3600 * 1000;
	const midnight = (days: number) => stockholmInstant(stockholmParts(new Date(now.getTime() + days * day)).date, "00:00");
	const opensAt = midnight(-5);
	const [vote] = await tx
		.insert(s.votes)
		.values({ programmeId, title: openVote.title, opensAt, closesAt: midnight(17), advisory: true, maxChoices: 2, blankAllowed: true, channels: "code,paper", createdAt: new Date(now.getTime() - 12 * day), frozenAt: opensAt })
		.returning();
	const options = await tx
		.insert(s.voteOptions)
		.values(openVote.options.map((o, i) => ({ voteId: vote!.id, position: i + 1, ...o })))
		.returning();
	await appendAudit(tx, vote!.id, "created", { options: options.length, maxChoices: 2, channels: ["code", "paper"], opensAt: vote!.opensAt, closesAt: vote!.closesAt });
	await appendAudit(tx, vote!.id, "opened", { options: options.length, rollSize: 0 });
}
