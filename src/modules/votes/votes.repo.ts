import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { votes } from "./votes.schema.js";

export type Vote = typeof votes.$inferSelect;

/** The programme's most recent vote (the one that opened last). */
export async function findLatestVote(db: Db, programmeId: string): Promise<Vote | undefined> {
	const rows = await db.select().from(votes).where(eq(votes.programmeId, programmeId)).orderBy(desc(votes.opensAt), desc(votes.createdAt)).limit(1);
	return rows[0];
}
