import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations, visibleTo } from "../organisations/organisations.schema.js";
import { focusAreaActors, focusAreas } from "./focus-areas.schema.js";

export type FocusArea = typeof focusAreas.$inferSelect;

/** A programme's focus areas in order. */
export async function listFocusAreas(db: Db, programmeId: string): Promise<FocusArea[]> {
	return db.select().from(focusAreas).where(eq(focusAreas.programmeId, programmeId)).orderBy(asc(focusAreas.position), asc(focusAreas.name));
}

/** A programme's focus areas in order, as choices for a form. */
export async function listFocusAreaChoices(db: Db, programmeId: string): Promise<{ id: string; name: string }[]> {
	return db.select({ id: focusAreas.id, name: focusAreas.name }).from(focusAreas).where(eq(focusAreas.programmeId, programmeId)).orderBy(asc(focusAreas.position), asc(focusAreas.name));
}

/** One focus area of a programme. */
export async function findFocusArea(db: Db, programmeId: string, id: string): Promise<FocusArea | undefined> {
	const rows = await db
		.select()
		.from(focusAreas)
		.where(and(eq(focusAreas.programmeId, programmeId), eq(focusAreas.id, id)));
	return rows[0];
}

/** Which active organisations work in which of a programme's focus areas, by area order and then organisation name. */
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
		.where(and(eq(focusAreas.programmeId, programmeId), visibleTo(focusAreaActors.organisationId)))
		.orderBy(asc(focusAreas.position), asc(focusAreas.name), asc(organisations.name));
}

/** The focus areas one organisation has chosen, in area order, whether or not it is approved yet. */
export async function listAreasOf(db: Db, programmeId: string, organisationId: string): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: focusAreas.id, name: focusAreas.name })
		.from(focusAreaActors)
		.innerJoin(focusAreas, eq(focusAreas.id, focusAreaActors.focusAreaId))
		.where(and(eq(focusAreas.programmeId, programmeId), eq(focusAreaActors.organisationId, organisationId)))
		.orderBy(asc(focusAreas.position), asc(focusAreas.name));
}

/** The focus areas any of these organisations works in, in area order. */
export async function listAreasOfAny(db: Db, organisationIds: string[]): Promise<{ id: string; name: string }[]> {
	if (organisationIds.length === 0) return [];
	// DISTINCT needs the ordering column in the select list.
	const rows = await db
		.selectDistinct({ id: focusAreas.id, name: focusAreas.name, position: focusAreas.position })
		.from(focusAreaActors)
		.innerJoin(focusAreas, eq(focusAreas.id, focusAreaActors.focusAreaId))
		.where(inArray(focusAreaActors.organisationId, organisationIds))
		.orderBy(asc(focusAreas.position), asc(focusAreas.name));
	return rows.map(({ id, name }) => ({ id, name }));
}

/** Makes exactly these of the programme's areas the organisation's; areas it keeps keep their `since`. */
export async function setAreasOf(db: Db, programmeId: string, organisationId: string, focusAreaIds: string[]): Promise<void> {
	const programmeAreas = db.select({ id: focusAreas.id }).from(focusAreas).where(eq(focusAreas.programmeId, programmeId));
	const mine = and(eq(focusAreaActors.organisationId, organisationId), inArray(focusAreaActors.focusAreaId, programmeAreas));
	await db.delete(focusAreaActors).where(focusAreaIds.length ? and(mine, notInArray(focusAreaActors.focusAreaId, focusAreaIds)) : mine);
	if (focusAreaIds.length) {
		await db
			.insert(focusAreaActors)
			.values(focusAreaIds.map((focusAreaId) => ({ focusAreaId, organisationId })))
			.onConflictDoNothing();
	}
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

