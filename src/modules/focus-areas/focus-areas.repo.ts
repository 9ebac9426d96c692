import { and, asc, eq, notInArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../organisations/organisations.schema.js";
import { focusAreaActors, focusAreas } from "./focus-areas.schema.js";

export type FocusArea = typeof focusAreas.$inferSelect;

/** A programme's focus areas in order. */
export async function listFocusAreas(db: Db, programmeId: string): Promise<FocusArea[]> {
	return db.select().from(focusAreas).where(eq(focusAreas.programmeId, programmeId)).orderBy(asc(focusAreas.position), asc(focusAreas.name));
}

/** One focus area of a programme. */
export async function findFocusArea(db: Db, programmeId: string, id: string): Promise<FocusArea | undefined> {
	const rows = await db
		.select()
		.from(focusAreas)
		.where(and(eq(focusAreas.programmeId, programmeId), eq(focusAreas.id, id)));
	return rows[0];
}

/** Who works in which of a programme's focus areas, by area order and then organisation name. */
export async function listActors(db: Db, programmeId: string) {
	return db
		.select({
			focusAreaId: focusAreas.id,
			focusAreaName: focusAreas.name,
			organisationId: organisations.id,
			organisationName: organisations.name,
		})
		.from(focusAreaActors)
		.innerJoin(focusAreas, eq(focusAreas.id, focusAreaActors.focusAreaId))
		.innerJoin(organisations, eq(organisations.id, focusAreaActors.organisationId))
		.where(eq(focusAreas.programmeId, programmeId))
		.orderBy(asc(focusAreas.position), asc(focusAreas.name), asc(organisations.name));
}

/** Every organisation, as choices for the form's checkboxes. */
export async function listOrganisationChoices(db: Db): Promise<{ id: string; name: string }[]> {
	return db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name));
}

/** Stores a new focus area. */
export async function insertFocusArea(db: Db, values: typeof focusAreas.$inferInsert): Promise<FocusArea> {
	const [row] = await db.insert(focusAreas).values(values).returning();
	return row!;
}

/** Changes a focus area. */
export async function updateFocusArea(db: Db, id: string, values: Partial<typeof focusAreas.$inferInsert>): Promise<void> {
	await db.update(focusAreas).set({ ...values, updatedAt: new Date() }).where(eq(focusAreas.id, id));
}

/** Makes exactly these organisations the area's actors; those who stay keep their `since`. */
export async function setActors(db: Db, focusAreaId: string, organisationIds: string[]): Promise<void> {
	const inArea = eq(focusAreaActors.focusAreaId, focusAreaId);
	await db.delete(focusAreaActors).where(organisationIds.length ? and(inArea, notInArray(focusAreaActors.organisationId, organisationIds)) : inArea);
	if (organisationIds.length) {
		await db
			.insert(focusAreaActors)
			.values(organisationIds.map((organisationId) => ({ focusAreaId, organisationId })))
			.onConflictDoNothing();
	}
}

