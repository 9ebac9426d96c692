import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { outbox } from "./mail.schema.js";

export type OutboxMail = typeof outbox.$inferSelect;

/** Stores a mail before it is sent. */
export async function insertMail(db: Db, values: { recipient: string; subject: string; body: string }): Promise<OutboxMail> {
	const [row] = await db.insert(outbox).values(values).returning();
	return row!;
}

/** Records a delivery. */
export async function markSent(db: Db, id: string): Promise<void> {
	await db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, id));
}

/** Records why a delivery failed. */
export async function markFailed(db: Db, id: string, error: string): Promise<void> {
	await db.update(outbox).set({ error }).where(eq(outbox.id, id));
}

/** The outbox, newest first. */
export async function listMails(db: Db, limit: number): Promise<OutboxMail[]> {
	return db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit);
}

/** Deletes every mail to an address (when its owner deletes their account). */
export async function deleteMailsTo(db: Db, recipient: string): Promise<void> {
	await db.delete(outbox).where(sql`lower(${outbox.recipient}) = lower(${recipient})`);
}
