// The secret ballot tried the way an auditor with a copy of the database would: the system columns (xmin, ctid), the
// physical order of ballots, marks and kept counts, and the roll's order against the coordinator's file; during the
// vote (against the ballots mixed so far) and after the close. Each attack names a choice for each voter; none may do
// better than guessing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { createOpenVote, createProgramme, createUser, personalNumber, signInAs } from "../../../test/factories.js";
import { TestClient, testApp, testedOn } from "../../../test/helpers.js";
import * as s from "../../schema.js";
import { castBallot } from "./votes.cast.js";
import { pinHash, receiptHash } from "./votes.crypto.js";
import { mixBatch, mixFullBatches } from "./votes.mixing.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as { rows: T[] };

/** Voters, half for each of two options, in random order: a guess gets about half right. */
const voters = 200;
/** Four standard deviations above what guessing gets right on average, for n voters. */
const chanceLimit = (n: number) => n / 2 + 4 * Math.sqrt(n / 4);

/** A choice per voter from two lists that an attack lines up: the k-th voter gets the k-th ballot's choice. */
const lineUp = (people: string[], choices: string[]) => new Map(people.map((h, k) => [h, choices[k]!]));

/** The keyed hash of the person a mark names (through the roll, so by any key the mark may have). */
const personOfMark = sql`(select r.pin_hash from vote_roll r where r.vote_id = m.vote_id and m.voter_key in ('roll:' || r.id, 'pin:' || r.pin_hash))`;

/** The xmin join: marks and the ballots (or kept counts) written by the same transaction; a choice per person, the one joined most often. */
async function xminJoin(voteId: string, firstOption: string): Promise<Map<string, string>> {
	const joined = await rows<{ person: string; choices: string }>(sql`
		select ${personOfMark} as person, b.choices from voter_marks m join ballots b on b.vote_id = m.vote_id and b.xmin = m.xmin where m.vote_id = ${voteId}
		union all
		select ${personOfMark} as person, t.choices from voter_marks m join vote_tallies t on t.vote_id = m.vote_id and t.xmin = m.xmin where m.vote_id = ${voteId}`);
	const byXmin = new Map<string, Map<string, number>>();
	for (const { person, choices } of joined.rows) {
		const seen = byXmin.get(person) ?? new Map<string, number>();
		seen.set(choices, (seen.get(choices) ?? 0) + 1);
		byXmin.set(person, seen);
	}
	// The attacker takes the choice the joined rows say most often (the first option on a tie).
	return new Map([...byXmin].map(([person, seen]) => [person, [...seen].sort((a, b) => b[1] - a[1] || (a[0] === firstOption ? -1 : 1))[0]![0]]));
}

/** Ballots in an order an attack picks. */
async function ballotsBy(voteId: string, order: ReturnType<typeof sql>): Promise<string[]> {
	return (await rows<{ choices: string }>(sql`select choices from ballots where vote_id = ${voteId} order by ${order}`)).rows.map((r) => r.choices);
}

/** Marks' persons in physical order. */
async function marksByCtid(voteId: string): Promise<string[]> {
	return (await rows<{ person: string }>(sql`select ${personOfMark} as person from voter_marks m where m.vote_id = ${voteId} order by m.ctid`)).rows.map((r) => r.person);
}

test(`during the vote, the mixed ballots share no xmin with a mark and their order names no voter (on ${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid", frozenAt: null });
	const client = new TestClient(app);
	await signInAs(client, db, official.id);
	// Two full batches and some more, which wait in the queue.
	const casting = 2 * mixBatch + 37;
	const pins = [...new Set(Array.from({ length: casting * 2 }, () => personalNumber("19700101")))].slice(0, casting);
	const choice = new Map(pins.map((pin, i) => [pinHash(pin), i < casting / 2 ? options[0]!.id : options[1]!.id]));
	const truth = (hash: string) => choice.get(hash);
	pins.sort(() => Math.random() - 0.5);
	assert.equal((await client.post(`/admin/votes/${vote.id}/roll`, { csv: pins.join("\n") })).statusCode, 303);
	assert.equal((await client.post(`/admin/votes/${vote.id}/open`, {})).statusCode, 303);
	// One at a time in the file's order, so casting order, the marks' order and the file's are one.
	const receipts = new Map<string, string>();
	for (const pin of pins) receipts.set(pinHash(pin), receiptHash((await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin }, choices: [truth(pinHash(pin))!] })).receipt));
	await mixFullBatches(db, vote.id);

	// The attacks are scored on the voters whose ballots were mixed, as if the attacker knew exactly which those are.
	const mixedReceipts = new Set((await rows<{ receipt_hash: string }>(sql`select receipt_hash from ballots where vote_id = ${vote.id}`)).rows.map((r) => r.receipt_hash));
	assert.equal(mixedReceipts.size, 2 * mixBatch, "two full batches were mixed, the rest wait");
	const mixed = pins.map(pinHash).filter((h) => mixedReceipts.has(receipts.get(h)!));
	const rightGuesses = (guess: Map<string, string>) => mixed.filter((h) => guess.get(h) === truth(h)).length;

	const xminGuess = await xminJoin(vote.id, options[0]!.id);
	assert.equal(xminGuess.size, 0, "no mark shares a transaction with a ballot or a kept count");
	const marks = (await marksByCtid(vote.id)).filter((h) => mixed.includes(h));
	for (const [name, people, choices] of [
		["ballots by ctid against the file", mixed, await ballotsBy(vote.id, sql`ctid`)],
		["ballots by xmin against the file", mixed, await ballotsBy(vote.id, sql`xmin::text::bigint, ctid`)],
		["ballots by ctid against the marks by ctid", marks, await ballotsBy(vote.id, sql`ctid`)],
	] as const) {
		const right = rightGuesses(lineUp([...people], [...choices]));
		assert.ok(right <= chanceLimit(mixed.length), `${name}: ${right} of ${mixed.length} choices named`);
	}

	// What waits in the queue was written with its voter's mark, so it is sealed and all of one length.
	const queued = await rows<{ sealed: string }>(sql`select sealed from vote_ballot_queue where vote_id = ${vote.id}`);
	assert.equal(queued.rows.length, casting - 2 * mixBatch);
	assert.equal(new Set(queued.rows.map((r) => r.sealed.length)).size, 1, "queued ballots are all one length");
	const queuedText = JSON.stringify(queued.rows);
	for (const o of options) assert.ok(!queuedText.includes(o.id), "no option id in the queue");
});

test(`after the close, xmin, ctid and the roll file's order link no ballot to its voter (on ${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid", frozenAt: null });
	const client = new TestClient(app);
	await signInAs(client, db, official.id);
	const pins = [...new Set(Array.from({ length: voters * 2 }, () => personalNumber("19700101")))].slice(0, voters);
	const choice = new Map(pins.map((pin, i) => [pinHash(pin), i < voters / 2 ? options[0]!.id : options[1]!.id]));
	const truth = (hash: string) => choice.get(hash);
	pins.sort(() => Math.random() - 0.5);
	// The roll file's line order is the order the voters then vote in: the worst case.
	assert.equal((await client.post(`/admin/votes/${vote.id}/roll`, { csv: pins.join("\n") })).statusCode, 303);
	assert.equal((await client.post(`/admin/votes/${vote.id}/open`, {})).statusCode, 303);
	for (const pin of pins) await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin }, choices: [truth(pinHash(pin))!] });
	await db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	assert.equal((await client.post(`/admin/votes/${vote.id}/publish`, {})).statusCode, 303);

	const fileOrder = pins.map(pinHash);
	/** How many voters an attack names the right choice for; `guess` maps a voter's keyed hash to a choice. */
	const rightGuesses = (guess: Map<string, string>) => fileOrder.filter((h) => guess.get(h) === truth(h)).length;

	// 1. The mark and the ballot (or the kept count) written in one transaction share xmin.
	const xminGuess = await xminJoin(vote.id, options[0]!.id);
	assert.ok(rightGuesses(xminGuess) <= chanceLimit(voters), `the xmin join names ${rightGuesses(xminGuess)} of ${voters} choices`);

	// 2. Ballots in physical (or transaction) order against the voters in casting order: the file's order, or the marks' own order.
	for (const [name, people, choices] of [
		["ballots by ctid against the file", fileOrder, await ballotsBy(vote.id, sql`ctid`)],
		["ballots by xmin against the file", fileOrder, await ballotsBy(vote.id, sql`xmin::text::bigint, ctid`)],
		["ballots by ctid against the marks by ctid", await marksByCtid(vote.id), await ballotsBy(vote.id, sql`ctid`)],
	] as const) {
		const right = rightGuesses(lineUp([...people], [...choices]));
		assert.ok(right <= chanceLimit(voters), `${name}: ${right} of ${voters} choices named`);
	}

	// 3. The roll in physical order against the coordinator's file: entries in the same place no more often than by chance.
	const rollByCtid = (await rows<{ pin_hash: string }>(sql`select pin_hash from vote_roll where vote_id = ${vote.id} order by ctid`)).rows.map((r) => r.pin_hash);
	const samePlace = rollByCtid.filter((h, k) => fileOrder[k] === h).length;
	// A random order leaves on average one entry in its place; ten or more happens about once in ten million.
	assert.ok(samePlace < 10, `${samePlace} of ${voters} roll entries are stored in the file's order`);
});
