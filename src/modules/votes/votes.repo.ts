import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ballots, voteAudit, voteCodes, voteOptions, voteRoll, voterMarks, votes, voteTallies } from "./votes.schema.js";

export type Vote = typeof votes.$inferSelect;
export type VoteOption = typeof voteOptions.$inferSelect;
export type AuditEntry = typeof voteAudit.$inferSelect;

/** The programme's most recent vote (the one that opened last). */
export async function findLatestVote(db: Db, programmeId: string): Promise<Vote | undefined> {
	const rows = await db.select().from(votes).where(eq(votes.programmeId, programmeId)).orderBy(desc(votes.opensAt), desc(votes.createdAt)).limit(1);
	return rows[0];
}

/** The newest vote that closed before `now` with this proposal on its ballot. */
export async function findClosedVoteWithProposal(db: Db, programmeId: string, proposalId: string, now: Date): Promise<Vote | undefined> {
	const onBallot = db.select({ id: voteOptions.voteId }).from(voteOptions).where(eq(voteOptions.proposalId, proposalId));
	const rows = await db
		.select()
		.from(votes)
		.where(and(eq(votes.programmeId, programmeId), lte(votes.closesAt, now), inArray(votes.id, onBallot)))
		.orderBy(desc(votes.closesAt), desc(votes.createdAt))
		.limit(1);
	return rows[0];
}

/** One vote by id. */
export async function findVote(db: Db, id: string): Promise<Vote | undefined> {
	const rows = await db.select().from(votes).where(eq(votes.id, id)).limit(1);
	return rows[0];
}

/** Every vote of a programme, newest first. */
export async function listVotes(db: Db, programmeId: string): Promise<Vote[]> {
	return db.select().from(votes).where(eq(votes.programmeId, programmeId)).orderBy(desc(votes.opensAt));
}

/** Adds a vote with its options. */
export async function insertVote(db: Db, values: typeof votes.$inferInsert, options: Omit<typeof voteOptions.$inferInsert, "voteId">[]): Promise<Vote> {
	const [vote] = await db.insert(votes).values(values).returning();
	if (!vote) throw new Error("vote not inserted");
	if (options.length) await db.insert(voteOptions).values(options.map((o) => ({ ...o, voteId: vote.id })));
	return vote;
}

/** Changes a vote's settings. */
export async function updateVote(db: Db, id: string, values: Partial<typeof votes.$inferInsert>): Promise<void> {
	await db.update(votes).set(values).where(eq(votes.id, id));
}

/** A vote's options in ballot order. */
export async function listOptions(db: Db, voteId: string): Promise<VoteOption[]> {
	return db.select().from(voteOptions).where(eq(voteOptions.voteId, voteId)).orderBy(asc(voteOptions.position));
}

/** Rewrites an option's frozen text. */
export async function updateOptionText(db: Db, id: string, title: string, subtext: string): Promise<void> {
	await db.update(voteOptions).set({ title, subtext }).where(eq(voteOptions.id, id));
}

/** How many entries a vote's roll has. */
export async function rollSize(db: Db, voteId: string): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(voteRoll).where(eq(voteRoll.voteId, voteId));
	return Number(row?.n ?? 0);
}

/** Adds roll entries (hashes only), skipping ones already there; returns how many were new. */
export async function insertRoll(db: Db, voteId: string, hashes: string[]): Promise<number> {
	let added = 0;
	for (let i = 0; i < hashes.length; i += 1000) {
		const rows = await db
			.insert(voteRoll)
			.values(hashes.slice(i, i + 1000).map((pinHash) => ({ voteId, pinHash })))
			.onConflictDoNothing()
			.returning({ id: voteRoll.id });
		added += rows.length;
	}
	return added;
}

/** Roll entries that have no letter code yet. */
export async function rollWithoutCode(db: Db, voteId: string): Promise<{ id: string }[]> {
	return db
		.select({ id: voteRoll.id })
		.from(voteRoll)
		.where(and(eq(voteRoll.voteId, voteId), sql`not exists (select 1 from vote_codes c where c.roll_id = ${voteRoll.id})`));
}

/** Stores issued letter codes. */
export async function insertCodes(db: Db, rows: (typeof voteCodes.$inferInsert)[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 1000) await db.insert(voteCodes).values(rows.slice(i, i + 1000));
}

/** The next batch number for a vote's codes. */
export async function nextCodeBatch(db: Db, voteId: string): Promise<number> {
	const [row] = await db.select({ n: sql<number>`coalesce(max(${voteCodes.batch}), 0)::int` }).from(voteCodes).where(eq(voteCodes.voteId, voteId));
	return Number(row?.n ?? 0) + 1;
}

/** A letter code by its keyed hash. */
export async function findCode(db: Db, voteId: string, hash: string): Promise<{ id: string; rollId: string | null } | undefined> {
	const rows = await db.select({ id: voteCodes.id, rollId: voteCodes.rollId }).from(voteCodes).where(and(eq(voteCodes.voteId, voteId), eq(voteCodes.codeHash, hash))).limit(1);
	return rows[0];
}

/** A vote's sealed codes in issue order, for the print-shop export. */
export async function listSealedCodes(db: Db, voteId: string, batch?: number): Promise<{ sealed: string; batch: number; personal: boolean }[]> {
	const where = batch ? and(eq(voteCodes.voteId, voteId), eq(voteCodes.batch, batch)) : eq(voteCodes.voteId, voteId);
	return db
		.select({ sealed: voteCodes.sealed, batch: voteCodes.batch, personal: sql<boolean>`${voteCodes.rollId} is not null` })
		.from(voteCodes)
		.where(where)
		.orderBy(asc(voteCodes.batch), asc(voteCodes.codeHash));
}

/** A ballot as stored, with the kept-count shard it adds to. */
export type BallotRow = { id: string; voteId: string; choices: string; blank: boolean; channel: string; day: string; receiptHash: string; shard: number };

/**
 * How the voter is found: by keyed pin hash (on the roll, when the vote has one), by letter code (the person of the roll
 * entry it was issued to, else the code itself), or by a key already known (an account).
 */
export type VoterLookup = { pinHash: string } | { codeHash: string } | { key: string };

/**
 * Finds the voter's key, marks the voter, stores the ballot and adds it to the kept count in one statement (the
 * function `vote_cast_ballot` of migration 0013, planned once per connection), so all happen or none, in one round trip.
 * `eligible` is false when no key was found (not on the roll, unknown code); `stored` is false, storing nothing, when the
 * voter is already marked (also by a concurrent statement that commits first).
 */
export async function markAndStoreBallot(db: Db, who: VoterLookup, b: BallotRow): Promise<{ eligible: boolean; stored: boolean }> {
	const pin = "pinHash" in who ? who.pinHash : null;
	const code = "codeHash" in who ? who.codeHash : null;
	const key = "key" in who ? who.key : null;
	const result = await db.execute(sql`
		select eligible, stored from vote_cast_ballot(${b.voteId}::uuid, ${b.channel}::text, ${pin}::text, ${code}::text, ${key}::text,
			${b.id}::uuid, ${b.choices}::text, ${b.blank}::boolean, ${b.day}::text, ${b.receiptHash}::text, ${b.shard}::integer)`);
	const row = (result as unknown as { rows: { eligible: boolean; stored: boolean }[] }).rows[0];
	return { eligible: row?.eligible === true, stored: row?.stored === true };
}

/** Makes a vote's kept counts anew from its ballots, each combination in one row. */
async function countBallotsIntoTallies(db: Db, voteId: string): Promise<void> {
	await db.delete(voteTallies).where(eq(voteTallies.voteId, voteId));
	await db.execute(sql`
		insert into vote_tallies (vote_id, channel, blank, choices, shard, ballots)
		select vote_id, channel, blank, choices, 0, count(*)::int from ballots where vote_id = ${voteId} group by vote_id, channel, blank, choices`);
}

/** Whether a ballot with this receipt hash is in the vote's count. */
export async function receiptCounted(db: Db, voteId: string, hash: string): Promise<boolean> {
	const rows = await db.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.voteId, voteId), eq(ballots.receiptHash, hash))).limit(1);
	return rows.length > 0;
}

/** A tally: ballot counts grouped by what the ballots say and how they came; few groups, however many ballots. */
export type TallyGroup = { choices: string; blank: boolean; channel: string; n: number };

/** The full count: every stored ballot, grouped. The record the kept counts and the published totals are checked against. */
export async function tallyGroups(db: Db, voteId: string): Promise<TallyGroup[]> {
	const rows = await db
		.select({ choices: ballots.choices, blank: ballots.blank, channel: ballots.channel, n: sql<number>`count(*)::int` })
		.from(ballots)
		.where(eq(ballots.voteId, voteId))
		.groupBy(ballots.choices, ballots.blank, ballots.channel);
	return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The kept counts, grouped like tallyGroups: a sum over at most a few hundred rows. */
export async function keptTallyGroups(db: Db, voteId: string): Promise<TallyGroup[]> {
	const rows = await db
		.select({ choices: voteTallies.choices, blank: voteTallies.blank, channel: voteTallies.channel, n: sql<number>`sum(${voteTallies.ballots})::int` })
		.from(voteTallies)
		.where(eq(voteTallies.voteId, voteId))
		.groupBy(voteTallies.choices, voteTallies.blank, voteTallies.channel);
	return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** How many voters are marked and how many ballots are stored (they must be equal). */
export async function markAndBallotCounts(db: Db, voteId: string): Promise<{ marks: number; ballots: number }> {
	const [m] = await db.select({ n: count() }).from(voterMarks).where(eq(voterMarks.voteId, voteId));
	const [b] = await db.select({ n: count() }).from(ballots).where(eq(ballots.voteId, voteId));
	return { marks: Number(m?.n ?? 0), ballots: Number(b?.n ?? 0) };
}

/**
 * How many people have more than one mark in a vote. A mark names a person by the keyed hash of their number; marks
 * by a roll entry or a personal letter code (the keys before migration 0013) name the person of that entry.
 */
export async function peopleMarkedTwice(db: Db, voteId: string): Promise<number> {
	const result = await db.execute(sql`
		select person from (
			select coalesce(r.pin_hash, cr.pin_hash, case when m.voter_key like 'pin:%' then substr(m.voter_key, 5) end) as person
			from voter_marks m
			left join vote_roll r on m.voter_key like 'roll:%' and r.id::text = substr(m.voter_key, 6)
			left join vote_codes c on m.voter_key like 'code:%' and c.id::text = substr(m.voter_key, 6)
			left join vote_roll cr on cr.id = c.roll_id
			where m.vote_id = ${voteId}
		) marked where person is not null group by person having count(*) > 1`);
	return (result as unknown as { rows: unknown[] }).rows.length;
}

/**
 * Locks a vote's row until the transaction ends, and reads it as it is now: audit entries are appended one at a time,
 * and a paper batch, a roll import and the close each see the vote as the others left it. "update" also waits for the
 * ballots being cast (their foreign keys hold a key-share lock on the row); "no key update" lets them go on.
 */
export async function lockVote(db: Db, voteId: string, strength: "update" | "no key update" = "update"): Promise<Vote | undefined> {
	const rows = await db.select().from(votes).where(eq(votes.id, voteId)).for(strength);
	return rows[0];
}

/**
 * Writes a vote's marks and ballots anew in random order, and its kept counts anew from the ballots, inside the
 * caller's transaction. Afterwards every row has that transaction's xmin and a place in the table that says nothing
 * about when it was cast, so no system column or physical order links a ballot to a mark or a casting time.
 */
export async function rewriteInRandomOrder(db: Db, voteId: string): Promise<void> {
	await db.execute(sql`
		with moved as (delete from voter_marks where vote_id = ${voteId} returning vote_id, voter_key, channel)
		insert into voter_marks (vote_id, voter_key, channel) select * from moved order by random()`);
	await db.execute(sql`
		with moved as (delete from ballots where vote_id = ${voteId} returning id, vote_id, choices, blank, channel, day, receipt_hash)
		insert into ballots (id, vote_id, choices, blank, channel, day, receipt_hash) select * from moved order by random()`);
	await countBallotsIntoTallies(db, voteId);
}

/**
 * Rewrites the tables that held a vote's casting into new files (VACUUM FULL), so the row versions left behind by
 * rewriteInRandomOrder are gone from the database's files too. Outside any transaction; it briefly blocks casting in
 * other votes.
 */
export async function compactBallotTables(db: Db): Promise<void> {
	await db.execute(sql`vacuum (full) ballots, voter_marks, vote_tallies`);
}

/** A vote's audit log in order. */
export async function listAudit(db: Db, voteId: string): Promise<AuditEntry[]> {
	return db.select().from(voteAudit).where(eq(voteAudit.voteId, voteId)).orderBy(asc(voteAudit.seq));
}

/** The newest audit entry of a vote. */
export async function lastAudit(db: Db, voteId: string): Promise<AuditEntry | undefined> {
	const rows = await db.select().from(voteAudit).where(eq(voteAudit.voteId, voteId)).orderBy(desc(voteAudit.seq)).limit(1);
	return rows[0];
}

/** The audit entry with this hash, in one vote or in any. */
export async function findAuditHash(db: Db, hash: string, voteId?: string): Promise<AuditEntry | undefined> {
	const rows = await db
		.select()
		.from(voteAudit)
		.where(voteId ? and(eq(voteAudit.hash, hash), eq(voteAudit.voteId, voteId)) : eq(voteAudit.hash, hash))
		.limit(1);
	return rows[0];
}

/** Appends an audit entry. */
export async function insertAudit(db: Db, entry: typeof voteAudit.$inferInsert): Promise<void> {
	await db.insert(voteAudit).values(entry);
}

/** Roll entries by keyed pin hash, each with the sealed code issued to it, or null when none has been issued yet. */
export async function sealedCodesByPinHash(db: Db, voteId: string, hashes: string[]): Promise<Map<string, string | null>> {
	const found = new Map<string, string | null>();
	for (let i = 0; i < hashes.length; i += 1000) {
		const rows = await db
			.select({ pinHash: voteRoll.pinHash, sealed: voteCodes.sealed })
			.from(voteRoll)
			.leftJoin(voteCodes, eq(voteCodes.rollId, voteRoll.id))
			.where(and(eq(voteRoll.voteId, voteId), inArray(voteRoll.pinHash, hashes.slice(i, i + 1000))));
		for (const r of rows) found.set(r.pinHash, r.sealed);
	}
	return found;
}
