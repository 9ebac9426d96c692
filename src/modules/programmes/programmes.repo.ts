import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmePhases, programmes } from "./programmes.schema.js";

export type Programme = typeof programmes.$inferSelect;
export type ProgrammePhase = typeof programmePhases.$inferSelect;

/** The installation's programme: the first one created. */
export async function findProgramme(db: Db): Promise<Programme | undefined> {
	const rows = await db.select().from(programmes).orderBy(asc(programmes.createdAt), asc(programmes.id)).limit(1);
	return rows[0];
}

/** The programme with the name of the organisation that coordinates it. */
export async function findProgrammeWithCoordinator(db: Db) {
	const rows = await db
		.select({ programme: programmes, coordinatorName: organisations.name })
		.from(programmes)
		.leftJoin(organisations, eq(organisations.id, programmes.coordinatorId))
		.orderBy(asc(programmes.createdAt), asc(programmes.id))
		.limit(1);
	return rows[0];
}

/** The programme's phases in order. */
export async function listPhases(db: Db, programmeId: string): Promise<ProgrammePhase[]> {
	return db.select().from(programmePhases).where(eq(programmePhases.programmeId, programmeId)).orderBy(asc(programmePhases.position));
}

/** Stores a new programme. */
export async function insertProgramme(db: Db, values: typeof programmes.$inferInsert): Promise<Programme> {
	const [row] = await db.insert(programmes).values(values).returning();
	return row!;
}

/** Changes the programme's core record. */
export async function updateProgramme(db: Db, id: string, values: Partial<typeof programmes.$inferInsert>): Promise<void> {
	await db.update(programmes).set({ ...values, updatedAt: new Date() }).where(eq(programmes.id, id));
}

/** Stores the programme's phases. */
export async function insertPhases(db: Db, rows: (typeof programmePhases.$inferInsert)[]): Promise<void> {
	if (rows.length) await db.insert(programmePhases).values(rows);
}
