// Secrecy during the vote: a cast queues its ballot sealed beside the voter's mark, and mixing moves queued ballots to
// `ballots` in batches, shuffled, in transactions of their own. A ballot in `ballots` then shares no transaction (xmin)
// with any mark, and its place in the table says only which batch it came in, not which voter of the batch cast it.
import { randomInt } from "node:crypto";
import type { Database, Db } from "../../db/client.js";
import { sealBallot, unsealBallot } from "./votes.crypto.js";
import * as repo from "./votes.repo.js";

/**
 * Ballots per mixed batch: an observer of the database during the vote can tell which batch a ballot came in, so a
 * ballot hides among this many voters (and the batch's totals are known). Live results lag behind by fewer than this.
 */
export const mixBatch = 100;

/** How often each server process looks for full batches queued by any process (its own casts also start a mix). */
const mixEveryMs = 10_000;

/** Kept-count shards: batches mixed at once by several processes seldom add to one row. */
export const tallyShards = 64;

/** What a queued ballot holds, sealed. */
type QueuedBallot = Omit<repo.BallotRow, "voteId">;

/**
 * Seals a ballot for the queue, padded to a length that depends only on the vote's number of options, so the sealed
 * text does not tell how many options were chosen, or a blank ballot.
 */
export function sealQueuedBallot(b: QueuedBallot, optionCount: number): string {
	const plain = JSON.stringify(b);
	return sealBallot(plain.padEnd(256 + 37 * optionCount, " "));
}

/** A random order (Fisher–Yates with the system's generator). */
function shuffled<T>(items: T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** Stores queued ballots in random order inside the caller's transaction, which took them; returns how many. */
async function storeShuffled(tx: Db, voteId: string, queued: { id: string; sealed: string }[]): Promise<number> {
	const rows = shuffled(queued).map((q) => ({ ...(JSON.parse(unsealBallot(q.sealed)) as QueuedBallot), voteId }));
	await repo.storeMixedBallots(
		tx,
		voteId,
		queued.map((q) => q.id),
		rows,
		randomInt(tallyShards),
	);
	return rows.length;
}

/** Moves every queued ballot of a vote to `ballots` in random order, inside the caller's transaction (publishing's). */
export async function mixAllQueued(tx: Db, voteId: string): Promise<number> {
	return storeShuffled(tx, voteId, await repo.takeQueuedBallots(tx, voteId, null));
}

/**
 * Mixes a vote's full batches, each in a transaction of its own; a remainder smaller than a batch waits in the queue
 * (publishing mixes it with all the others). The vote's row is locked for key share first, as a cast's is: publishing
 * (which locks it for update) waits for a mix in progress, and a mix waits for publishing and then finds nothing.
 */
export async function mixFullBatches(db: Db, voteId: string): Promise<number> {
	let mixed = 0;
	for (;;) {
		const moved = await db.transaction(async (tx) => {
			const vote = await repo.lockVote(tx, voteId, "key share");
			if (!vote || vote.resultsPublishedAt) return 0;
			const queued = await repo.takeQueuedBallots(tx, voteId, mixBatch);
			if (queued.length < mixBatch) return 0;
			return storeShuffled(tx, voteId, queued);
		});
		if (!moved) return mixed;
		mixed += moved;
	}
}

/** Casts this process queued per vote since it last started a mix. */
const castsSinceMix = new WeakMap<Db, Map<string, number>>();

/** Counts a ballot this process queued; every `mixBatch`-th starts mixing the vote's full batches in the background. */
export function noteQueued(db: Db, voteId: string): void {
	const counts = castsSinceMix.get(db) ?? new Map<string, number>();
	castsSinceMix.set(db, counts);
	const n = (counts.get(voteId) ?? 0) + 1;
	counts.set(voteId, n % mixBatch);
	if (n >= mixBatch) mixSoon(db, voteId);
}

/** Starts mixing a vote's full batches without waiting for it. A mix that fails leaves its ballots queued, where the periodic mix or publishing takes them. */
export function mixSoon(db: Db, voteId: string): void {
	mixFullBatches(db, voteId).catch(() => undefined);
}

/** Every few seconds, mixes the full batches any process left queued (with several processes, each casting fewer). */
export function scheduleBallotMixing(database: Pick<Database, "db">, log: { warn(obj: object, msg: string): void }): () => void {
	const timer = setInterval(async () => {
		try {
			for (const voteId of await repo.votesWithQueuedBatch(database.db, mixBatch)) await mixFullBatches(database.db, voteId);
		} catch (err) {
			log.warn({ err }, "mixing queued ballots failed; they stay queued");
		}
	}, mixEveryMs);
	timer.unref();
	return () => clearInterval(timer);
}
