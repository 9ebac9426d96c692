import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "./organisations.schema.js";

export type Organisation = typeof organisations.$inferSelect;

/** Every organisation, by name. */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
	return db.select().from(organisations).orderBy(asc(organisations.name), asc(organisations.id));
}

/** One organisation. */
export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
	const rows = await db.select().from(organisations).where(eq(organisations.id, id));
	return rows[0];
}

/** Stores a new organisation. */
export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<Organisation> {
	const [row] = await db.insert(organisations).values(values).returning();
	return row!;
}

/** Changes an organisation. */
export async function updateOrganisation(db: Db, id: string, values: Partial<typeof organisations.$inferInsert>): Promise<void> {
	await db.update(organisations).set({ ...values, updatedAt: new Date() }).where(eq(organisations.id, id));
}
