import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import * as s from "../../schema.js";
import { createOpenVote, createProgramme, createUser, personalNumber } from "../../../test/factories.js";
import { eq } from "drizzle-orm";
import { testApp, testedOn } from "../../../test/helpers.js";
import { castBallot, VoteRefusal } from "./votes.cast.js";
import { mixAllQueued, mixFullBatches } from "./votes.mixing.js";
import { checkReceipt, results, verifyVote } from "./votes.service.js";
import { parsePersonalNumber } from "../../lib/personal-number.js";
import { codeHash, normaliseCode, pinHash, randomCode, seal } from "./votes.crypto.js";
import * as repo from "./votes.repo.js";

const { db } = await testApp();
const { programme } = await createProgramme(db);

const refusal = (key: string) => (err: unknown) => err instanceof VoteRefusal && err.messageKey === key;
const counts = (voteId: string) => repo.markAndBallotCounts(db, voteId);

async function addRoll(voteId: string, pins: string[]) {
	const rows = await db.insert(s.voteRoll).values(pins.map((p) => ({ voteId, pinHash: pinHash(p) }))).returning();
	return rows;
}

async function addCode(voteId: string, rollId: string | null = null) {
	const code = randomCode(12);
	const [row] = await db.insert(s.voteCodes).values({ voteId, codeHash: codeHash(normaliseCode(code)), sealed: seal(code), rollId, batch: 1 }).returning();
	return { code, id: row!.id };
}

test("personal identity numbers: 10 or 12 digits, hyphen or plus, real date and check digit", () => {
	const today = new Date("2026-01-01T00:00:00Z");
	assert.deepEqual(parsePersonalNumber("19811218-9876", today), { ok: true, value: { pin: "198112189876", birthDate: "1981-12-18" } });
	assert.deepEqual(parsePersonalNumber("811218-9876", today), { ok: true, value: { pin: "198112189876", birthDate: "1981-12-18" } });
	assert.deepEqual(parsePersonalNumber("8112189876", today), { ok: true, value: { pin: "198112189876", birthDate: "1981-12-18" } });
	assert.equal(parsePersonalNumber("811218+9876", today).ok && parsePersonalNumber("811218+9876", today).ok, true);
	assert.equal((parsePersonalNumber("811218+9876", today) as { value: { pin: string } }).value.pin, "188112189876");
	assert.deepEqual(parsePersonalNumber("811218-9875", today), { ok: false, reason: "checkDigit" });
	assert.deepEqual(parsePersonalNumber("811318-9876", today), { ok: false, reason: "date" });
	assert.deepEqual(parsePersonalNumber("81121-9876", today), { ok: false, reason: "format" });
});

test("an e-ID ballot is stored with its receipt's hash, without the voter, and the voter is marked once", async () => {
	const { vote, options } = await createOpenVote(db, programme.id);
	const pin = personalNumber();
	const { receipt } = await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin }, choices: [options[1]!.id] });
	assert.match(receipt, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
	assert.deepEqual(await counts(vote.id), { marks: 1, ballots: 1 });
	assert.equal(await checkReceipt(db, vote.id, receipt), true, "the receipt finds the ballot while it is queued");
	await mixAllQueued(db, vote.id);
	assert.equal(await checkReceipt(db, vote.id, receipt), true, "and once it is mixed");
	const ballotColumns = Object.keys(s.ballots);
	for (const forbidden of ["createdAt", "voterId", "userId", "pinHash"]) assert.ok(!ballotColumns.includes(forbidden), forbidden);
	const dump = JSON.stringify(await db.execute(sql`select * from voter_marks, ballots where voter_marks.vote_id = ${vote.id} and ballots.vote_id = ${vote.id}`));
	assert.ok(!dump.includes(pin) && !dump.includes(pin.slice(2)), "no personal identity number stored in plain text");
	assert.ok(!dump.includes(receipt), "the receipt itself is not stored");
});

test("bad input is refused with a clear reason and nothing is stored", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { maxChoices: 2, blankAllowed: false, minAge: 18 });
	const pin = personalNumber();
	const cases: [Parameters<typeof castBallot>[1], string][] = [
		[{ voteId: vote.id, channel: "eid", voter: { pin }, choices: [crypto.randomUUID()] }, "vote.refusal.unknownOption"],
		[{ voteId: vote.id, channel: "eid", voter: { pin }, choices: options.map((o) => o.id) }, "vote.refusal.tooMany"],
		[{ voteId: vote.id, channel: "eid", voter: { pin }, choices: [options[0]!.id, options[0]!.id] }, "vote.refusal.repeatedChoice"],
		[{ voteId: vote.id, channel: "eid", voter: { pin }, choices: [], blank: true }, "vote.refusal.noBlank"],
		[{ voteId: vote.id, channel: "eid", voter: { pin }, choices: [] }, "vote.refusal.noChoice"],
		[{ voteId: vote.id, channel: "eid", voter: { pin: personalNumber("20200101") }, choices: [options[0]!.id] }, "vote.refusal.tooYoung"],
		[{ voteId: vote.id, channel: "eid", voter: { pin: "198001010000" }, choices: [options[0]!.id] }, "vote.refusal.badPin"],
		[{ voteId: vote.id, channel: "code", voter: { code: "ABCD-EFGH-JKMN" }, choices: [options[0]!.id] }, "vote.refusal.unknownCode"],
		[{ voteId: vote.id, channel: "email", voter: {}, choices: [options[0]!.id] }, "vote.refusal.signIn"],
		[{ voteId: crypto.randomUUID(), channel: "eid", voter: { pin }, choices: [options[0]!.id] }, "vote.refusal.unknownVote"],
	];
	for (const [input, key] of cases) await assert.rejects(castBallot(db, input), refusal(key), key);
	assert.deepEqual(await counts(vote.id), { marks: 0, ballots: 0 });

	const early = await createOpenVote(db, programme.id, { opensAt: new Date(Date.now() + 60_000), closesAt: new Date(Date.now() + 120_000) });
	await assert.rejects(castBallot(db, { voteId: early.vote.id, channel: "eid", voter: { pin }, choices: [early.options[0]!.id] }), refusal("vote.refusal.notOpen"));
	const late = await createOpenVote(db, programme.id, { opensAt: new Date(Date.now() - 120_000), closesAt: new Date(Date.now() - 60_000) });
	await assert.rejects(castBallot(db, { voteId: late.vote.id, channel: "eid", voter: { pin }, choices: [late.options[0]!.id] }), refusal("vote.refusal.closed"));
	const noEmail = await createOpenVote(db, programme.id, { channels: "eid,paper" });
	const user = await createUser(db);
	await assert.rejects(castBallot(db, { voteId: noEmail.vote.id, channel: "email", voter: { userId: user.id }, choices: [noEmail.options[0]!.id] }), refusal("vote.refusal.channelClosed"));
	assert.deepEqual(await counts(early.vote.id), { marks: 0, ballots: 0 });
	assert.deepEqual(await counts(late.vote.id), { marks: 0, ballots: 0 });
});

test("with a roll only the people on it vote; a used code is refused", async () => {
	const { vote, options } = await createOpenVote(db, programme.id);
	const [entry] = await addRoll(vote.id, [personalNumber("19700101")]);
	await assert.rejects(castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber("19600101") }, choices: [options[0]!.id] }), refusal("vote.refusal.notOnRoll"));
	const { code } = await addCode(vote.id, entry!.id);
	await castBallot(db, { voteId: vote.id, channel: "code", voter: { code: code.toLowerCase().replace(/-/g, " ") }, choices: [options[0]!.id] });
	await assert.rejects(castBallot(db, { voteId: vote.id, channel: "code", voter: { code }, choices: [options[1]!.id] }), refusal("vote.refusal.codeUsed"));
	assert.deepEqual(await counts(vote.id), { marks: 1, ballots: 1 });
});

test(`100 simultaneous attempts by one voter on one channel give one ballot and 99 refusals (on ${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id);
	const pin = personalNumber();
	const outcomes = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin }, choices: [options[i % 3]!.id] })));
	assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
	const refused = outcomes.filter((o) => o.status === "rejected");
	assert.equal(refused.length, 99);
	assert.ok(refused.every((o) => refusal("vote.refusal.alreadyVoted")((o as PromiseRejectedResult).reason)));
	assert.deepEqual(await counts(vote.id), { marks: 1, ballots: 1 });
});

test(`100 simultaneous attempts by one voter across e-ID, letter code and paper give one ballot (on ${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id);
	const pin = personalNumber("19550505");
	const [entry] = await addRoll(vote.id, [pin, personalNumber("19660606")]);
	const { code } = await addCode(vote.id, entry!.id);
	const attempts = Array.from({ length: 100 }, (_, i) => {
		const channel = (["eid", "code", "paper"] as const)[i % 3]!;
		return castBallot(db, { voteId: vote.id, channel, voter: channel === "code" ? { code } : { pin }, choices: [options[0]!.id] });
	});
	const outcomes = await Promise.allSettled(attempts);
	assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
	const reasons = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason);
	assert.equal(reasons.length, 99);
	assert.ok(reasons.every((r) => r instanceof VoteRefusal && ["vote.refusal.alreadyVoted", "vote.refusal.codeUsed"].includes(r.messageKey)));
	assert.deepEqual(await counts(vote.id), { marks: 1, ballots: 1 });
});

test(`100 voters at once: every ballot is stored and counted, and the kept counts agree with a full count (on ${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { resultsBeforeClose: true });
	const pins = [...new Set(Array.from({ length: 120 }, () => personalNumber("19700101")))].slice(0, 100);
	await Promise.all(pins.map((pin, i) => castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin }, choices: [options[i % 4 === 0 ? 1 : 0]!.id] })));
	// The live results count mixed ballots: here one full batch.
	await mixFullBatches(db, vote.id);
	const shown = await results(db, vote.id);
	assert.equal(shown.ballots, 100);
	assert.deepEqual(
		shown.options.slice(0, 2).map((o) => o.votes),
		[75, 25],
	);
	assert.deepEqual(await verifyVote(db, vote.id), []);
	assert.deepEqual(await counts(vote.id), { marks: 100, ballots: 100 });
});

test("audit:verify reports kept counts that differ from the ballots", async () => {
	const { vote, options } = await createOpenVote(db, programme.id);
	await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber() }, choices: [options[0]!.id] });
	await mixAllQueued(db, vote.id);
	await db.execute(sql`update vote_tallies set ballots = ballots + 5 where vote_id = ${vote.id}`);
	const problems = await verifyVote(db, vote.id);
	assert.equal(problems.length, 1);
	assert.match(problems[0]!, /^kept counts .* differ from the ballots/);
});

test("a paper ballot reads the vote afresh: once another process published the results it is refused, though this one cached the vote", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid,paper" });
	await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber() }, choices: [options[0]!.id] });
	// What publishing in another server process leaves in the database; this process's cache does not hear of it.
	await db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000), resultsPublishedAt: new Date() }).where(eq(s.votes.id, vote.id));
	await assert.rejects(castBallot(db, { voteId: vote.id, channel: "paper", voter: { pin: personalNumber() }, choices: [options[0]!.id] }), refusal("vote.refusal.closed"));
	assert.deepEqual(await counts(vote.id), { marks: 1, ballots: 1 });
});

test("VOTE_ROLL_KEY is required in production, and a short key is refused", async () => {
	const { ConfigError, loadConfig } = await import("../../config.js");
	const before = process.env.NODE_ENV;
	process.env.NODE_ENV = "production";
	try {
		assert.throws(() => loadConfig({ SESSION_SECRET: "x".repeat(32) }), (e) => e instanceof ConfigError && /VOTE_ROLL_KEY/.test(e.message));
		assert.equal(loadConfig({ SESSION_SECRET: "x".repeat(32), VOTE_ROLL_KEY: "k".repeat(32), PUBLIC_URL: "https://medskapa.example.se" }).voteRollKey, "k".repeat(32));
	} finally {
		process.env.NODE_ENV = before;
	}
	assert.throws(() => loadConfig({ VOTE_ROLL_KEY: "short" }), /VOTE_ROLL_KEY/);
});
