import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ballotQueue, ballots, voteAudit, voteCodes, voteOptions, voteRoll, voterMarks, votes, voteTallies } from "./votes.schema.js";

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

/** The programme's votes' titles in the order they opened, e.g. for a decision to point at. */
export async function listVoteTitles(db: Db, programmeId: string): Promise<{ id: string; title: string }[]> {
	return db.select({ id: votes.id, title: votes.title }).from(votes).where(eq(votes.programmeId, programmeId)).orderBy(asc(votes.opensAt));
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

/**
 * Ends a vote's period now, by the database's clock: the clock the cast statement compares with once it has waited
 * for this transaction's lock on the vote, so no ballot is taken after the close commits. Returns the new close.
 */
export async function closeNow(db: Db, id: string): Promise<Date> {
	const [row] = await db.update(votes).set({ closesAt: sql`clock_timestamp()` }).where(eq(votes.id, id)).returning({ closesAt: votes.closesAt });
	if (!row) throw new Error("vote not found");
	return row.closesAt;
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

/** A ballot as stored. */
export type BallotRow = { id: string; voteId: string; choices: string; blank: boolean; channel: string; day: string; receiptHash: string };

/**
 * How the voter is found: by keyed pin hash (on the roll, when the vote has one), by letter code (the person of the roll
 * entry it was issued to, else the code itself), or by a key already known (an account).
 */
export type VoterLookup = { pinHash: string } | { codeHash: string } | { key: string };

/**
 * Finds the voter's key, marks the voter and queues the sealed ballot in one statement (the function `vote_cast_ballot`
 * of migration 0021), so both happen or neither, in one round trip. The statement checks the vote's period itself,
 * with the database's clock, whatever the caller's copy of the vote says: `refusal` is "closed", storing nothing, when
 * the results are published or, for a web channel, the period has ended (also when another process closed the vote
 * early, or a publishing began first); "notOpen" before the opening. `eligible` is false when no key was found (not on
 * the roll, unknown code); `stored` is false, storing nothing, when the voter is already marked (also by a concurrent
 * statement that commits first).
 */
export async function markAndQueueBallot(
	db: Db,
	who: VoterLookup,
	b: { voteId: string; channel: string; sealed: string; receiptLookup: string },
): Promise<{ refusal: "closed" | "notOpen" | null; eligible: boolean; stored: boolean }> {
	const pin = "pinHash" in who ? who.pinHash : null;
	const code = "codeHash" in who ? who.codeHash : null;
	const key = "key" in who ? who.key : null;
	const result = await db.execute(sql`
		select refusal, eligible, stored from vote_cast_ballot(${b.voteId}::uuid, ${b.channel}::text, ${pin}::text, ${code}::text, ${key}::text,
			${b.sealed}::text, ${b.receiptLookup}::text)`);
	const row = (result as unknown as { rows: { refusal: string | null; eligible: boolean; stored: boolean }[] }).rows[0];
	const refusal = !row ? "closed" : row.refusal === "notOpen" ? "notOpen" : row.refusal === null ? null : "closed";
	return { refusal, eligible: row?.eligible === true, stored: row?.stored === true };
}

/**
 * Takes up to `limit` queued ballots of a vote (all when null) for the caller's transaction, which stores them or lets
 * them go. Rows are locked in the order of their random ids, so two mixes never wait for each other crosswise; a mix
 * waits for one in progress and then takes the rows that are still queued.
 */
export async function takeQueuedBallots(db: Db, voteId: string, limit: number | null): Promise<{ id: string; sealed: string }[]> {
	const result = await db.execute(sql`
		select id, sealed from vote_ballot_queue where vote_id = ${voteId} order by id ${limit === null ? sql`` : sql`limit ${limit}`} for update`);
	return (result as unknown as { rows: { id: string; sealed: string }[] }).rows;
}

/**
 * Stores mixed ballots in the order given, adds them to the kept counts (one row per combination and batch, in a
 * random shard so that batches of several processes seldom wait for each other) and removes them from the queue.
 */
export async function storeMixedBallots(db: Db, voteId: string, queueIds: string[], rows: BallotRow[], shard: number): Promise<void> {
	if (!rows.length) return;
	await db.insert(ballots).values(rows);
	const groups = new Map<string, { channel: string; blank: boolean; choices: string; n: number }>();
	for (const b of rows) {
		const key = JSON.stringify([b.channel, b.blank, b.choices]);
		const g = groups.get(key) ?? { channel: b.channel, blank: b.blank, choices: b.choices, n: 0 };
		g.n += 1;
		groups.set(key, g);
	}
	await db
		.insert(voteTallies)
		.values([...groups.values()].map((g) => ({ voteId, channel: g.channel, blank: g.blank, choices: g.choices, shard, ballots: g.n })))
		.onConflictDoUpdate({ target: [voteTallies.voteId, voteTallies.channel, voteTallies.blank, voteTallies.choices, voteTallies.shard], set: { ballots: sql`${voteTallies.ballots} + excluded.ballots` } });
	await db.delete(ballotQueue).where(and(eq(ballotQueue.voteId, voteId), inArray(ballotQueue.id, queueIds)));
}

/** Votes with at least `size` queued ballots. */
export async function votesWithQueuedBatch(db: Db, size: number): Promise<string[]> {
	const rows = await db.select({ voteId: ballotQueue.voteId }).from(ballotQueue).groupBy(ballotQueue.voteId).having(sql`count(*) >= ${size}`);
	return rows.map((r) => r.voteId);
}

/** How many ballots of a vote wait in the queue. */
export async function queuedCount(db: Db, voteId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(ballotQueue).where(eq(ballotQueue.voteId, voteId));
	return Number(row?.n ?? 0);
}

/** Makes a vote's kept counts anew from its ballots, each combination in one row. */
async function countBallotsIntoTallies(db: Db, voteId: string): Promise<void> {
	await db.delete(voteTallies).where(eq(voteTallies.voteId, voteId));
	await db.execute(sql`
		insert into vote_tallies (vote_id, channel, blank, choices, shard, ballots)
		select vote_id, channel, blank, choices, 0, count(*)::int from ballots where vote_id = ${voteId} group by vote_id, channel, blank, choices`);
}

/** Whether a ballot with this receipt is in the vote's count: mixed (by its hash), or queued (by its queued hash). */
export async function receiptCounted(db: Db, voteId: string, hash: string, queuedHash: string): Promise<boolean> {
	const mixed = await db.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.voteId, voteId), eq(ballots.receiptHash, hash))).limit(1);
	if (mixed.length) return true;
	const queued = await db.select({ id: ballotQueue.id }).from(ballotQueue).where(and(eq(ballotQueue.voteId, voteId), eq(ballotQueue.receiptLookup, queuedHash))).limit(1);
	return queued.length > 0;
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

/** How many voters are marked and how many ballots are stored, mixed or queued (they must be equal). */
export async function markAndBallotCounts(db: Db, voteId: string): Promise<{ marks: number; ballots: number }> {
	const [m] = await db.select({ n: count() }).from(voterMarks).where(eq(voterMarks.voteId, voteId));
	const [b] = await db.select({ n: count() }).from(ballots).where(eq(ballots.voteId, voteId));
	return { marks: Number(m?.n ?? 0), ballots: Number(b?.n ?? 0) + (await queuedCount(db, voteId)) };
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
 * ballots being cast and mixed (they hold a key-share lock on the row); "no key update" lets them go on; "key share"
 * is how a mix waits for publishing.
 */
export async function lockVote(db: Db, voteId: string, strength: "update" | "no key update" | "key share" = "update"): Promise<Vote | undefined> {
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
 * Removes the row versions that rewriteInRandomOrder and mixing left behind (old marks and ballots, and queued rows,
 * sealed, with their casts' xmin). With no other vote taking ballots, VACUUM FULL rewrites the tables into new files,
 * so the old versions are gone from the tables' files too; it locks the tables while it runs (18 s at 1 M ballots in
 * bench:votes). While another vote takes ballots, a plain VACUUM, which lets casting go on: the old versions can no
 * longer be read, though their bytes may stay in the pages' free space until the last open vote is published and
 * compacts. Outside any transaction.
 */
export async function compactBallotTables(db: Db, opts: { whileVoting: boolean }): Promise<void> {
	await db.execute(opts.whileVoting ? sql`vacuum ballots, voter_marks, vote_tallies, vote_ballot_queue` : sql`vacuum (full) ballots, voter_marks, vote_tallies, vote_ballot_queue`);
}

/** Whether a vote other than this one takes ballots now or may still (opened and not yet published, paper included). */
export async function otherVotesTakingBallots(db: Db, voteId: string): Promise<boolean> {
	const rows = await db
		.select({ id: votes.id })
		.from(votes)
		.where(and(sql`${votes.id} <> ${voteId}`, isNotNull(votes.frozenAt), isNull(votes.resultsPublishedAt), lte(votes.opensAt, new Date())))
		.limit(1);
	return rows.length > 0;
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

/** Deletes a vote with its options, roll, codes and audit log. */
export async function deleteVote(db: Db, id: string): Promise<void> {
	await db.delete(votes).where(eq(votes.id, id));
}
