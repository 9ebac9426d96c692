// Work that one process at a time may do for the whole installation (a nightly sync, the day's reminders): whoever
// gets the PostgreSQL advisory lock does it, the others skip.
import { sql } from "drizzle-orm";
import type { Database, Db } from "./client.js";

/** The installation-wide locks, one number each. */
export const lockKeys = { koladaSync: 2417_0001, followupReminders: 2417_0002 } as const;

/**
 * Runs `run` only if no other process holds the lock; null when another does.
 * A session lock needs one connection held for the whole run: on PostgreSQL a transaction keeps one from the pool
 * while the work uses others; PGlite has a single session anyway.
 */
export async function unlessRunning<T>(database: Pick<Database, "db" | "kind">, key: number, run: () => Promise<T>): Promise<T | null> {
	const locked = async (db: Db): Promise<T | null> => {
		const result = await db.execute(sql`select pg_try_advisory_lock(${key}) as got`);
		const [row] = (result as unknown as { rows: { got: boolean }[] }).rows;
		if (!row?.got) return null;
		try {
			return await run();
		} finally {
			await db.execute(sql`select pg_advisory_unlock(${key})`);
		}
	};
	return database.kind === "pglite" ? locked(database.db) : database.db.transaction(locked);
}
