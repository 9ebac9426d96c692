import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmeCoordinators, programmePhases, programmes } from "./programmes.schema.js";

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

/** The fields a coordinator edits on a phase. */
export type PhaseValues = { name: string; description: string; startsOn: string; endsOn: string | null };

/** One phase of the programme. */
export async function findPhase(db: Db, programmeId: string, id: string): Promise<ProgrammePhase | undefined> {
	const rows = await db
		.select()
		.from(programmePhases)
		.where(and(eq(programmePhases.programmeId, programmeId), eq(programmePhases.id, id)));
	return rows[0];
}

/** Adds a phase at the end of the timeline. */
export async function insertPhase(db: Db, programmeId: string, values: PhaseValues): Promise<void> {
	await db.insert(programmePhases).values({
		...values,
		programmeId,
		position: sql`(select coalesce(max(${programmePhases.position}), 0) + 1 from ${programmePhases} where ${programmePhases.programmeId} = ${programmeId})`,
	});
}

/** Changes a phase. */
export async function updatePhase(db: Db, id: string, values: PhaseValues): Promise<void> {
	await db.update(programmePhases).set(values).where(eq(programmePhases.id, id));
}

/** Removes a phase. */
export async function deletePhase(db: Db, id: string): Promise<void> {
	await db.delete(programmePhases).where(eq(programmePhases.id, id));
}

/** Numbers the programme's phases 1, 2, 3 … in date order. */
export async function renumberPhases(db: Db, programmeId: string): Promise<void> {
	const ranked = db
		.select({
			id: programmePhases.id,
			rank: sql<number>`row_number() over (order by ${programmePhases.startsOn}, ${programmePhases.position})`.as("rank"),
		})
		.from(programmePhases)
		.where(eq(programmePhases.programmeId, programmeId))
		.as("ranked");
	// Through negative numbers: the (programme, position) pair must be unique after every single row update.
	await db.update(programmePhases).set({ position: sql`-${ranked.rank}` }).from(ranked).where(eq(programmePhases.id, ranked.id));
	await db
		.update(programmePhases)
		.set({ position: sql`-${programmePhases.position}` })
		.where(eq(programmePhases.programmeId, programmeId));
}

/** Records who coordinates from which date (and the decision behind it), and makes them the coordinator. */
export async function insertCoordinator(db: Db, values: typeof programmeCoordinators.$inferInsert): Promise<void> {
	await db.insert(programmeCoordinators).values(values);
	await db.update(programmes).set({ coordinatorId: values.organisationId, updatedAt: new Date() }).where(eq(programmes.id, values.programmeId));
}

/** The programme's coordinators, newest first, with the organisations' names. */
export async function listCoordinators(db: Db, programmeId: string) {
	return db
		.select({ id: programmeCoordinators.id, organisationId: programmeCoordinators.organisationId, organisationName: organisations.name, fromDate: programmeCoordinators.fromDate, itemId: programmeCoordinators.itemId })
		.from(programmeCoordinators)
		.innerJoin(organisations, eq(organisations.id, programmeCoordinators.organisationId))
		.where(eq(programmeCoordinators.programmeId, programmeId))
		.orderBy(desc(programmeCoordinators.fromDate), desc(programmeCoordinators.createdAt));
}
