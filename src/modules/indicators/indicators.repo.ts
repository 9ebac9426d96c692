import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { focusAreaIndicators, indicators } from "./indicators.schema.js";

export type Indicator = typeof indicators.$inferSelect;

/** A programme's indicators by title. */
export async function listIndicators(db: Db, programmeId: string): Promise<Indicator[]> {
	return db.select().from(indicators).where(eq(indicators.programmeId, programmeId)).orderBy(asc(indicators.title));
}

/** One indicator of a programme. */
export async function findIndicator(db: Db, programmeId: string, id: string): Promise<Indicator | undefined> {
	const rows = await db
		.select()
		.from(indicators)
		.where(and(eq(indicators.programmeId, programmeId), eq(indicators.id, id)));
	return rows[0];
}

/** Which focus areas follow which of a programme's indicators, in area order. */
export async function listIndicatorAreas(db: Db, programmeId: string): Promise<{ indicatorId: string; focusAreaId: string; focusAreaName: string }[]> {
	return db
		.select({ indicatorId: focusAreaIndicators.indicatorId, focusAreaId: focusAreas.id, focusAreaName: focusAreas.name })
		.from(focusAreaIndicators)
		.innerJoin(focusAreas, eq(focusAreas.id, focusAreaIndicators.focusAreaId))
		.where(eq(focusAreas.programmeId, programmeId))
		.orderBy(asc(focusAreas.position), asc(focusAreas.name));
}

/** The indicators followed in one focus area, by title. */
export async function listIndicatorsInFocusArea(db: Db, focusAreaId: string): Promise<Indicator[]> {
	return db
		.select(getTableColumns(indicators))
		.from(focusAreaIndicators)
		.innerJoin(indicators, eq(indicators.id, focusAreaIndicators.indicatorId))
		.where(eq(focusAreaIndicators.focusAreaId, focusAreaId))
		.orderBy(asc(indicators.title));
}

/** Stores a new indicator. */
export async function insertIndicator(db: Db, values: typeof indicators.$inferInsert): Promise<Indicator> {
	const [row] = await db.insert(indicators).values(values).returning();
	return row!;
}

/** Changes an indicator. */
export async function updateIndicator(db: Db, id: string, values: Partial<typeof indicators.$inferInsert>): Promise<void> {
	await db.update(indicators).set(values).where(eq(indicators.id, id));
}

/** Makes exactly these focus areas follow the indicator. */
export async function setIndicatorAreas(db: Db, indicatorId: string, focusAreaIds: string[]): Promise<void> {
	await db.delete(focusAreaIndicators).where(eq(focusAreaIndicators.indicatorId, indicatorId));
	if (focusAreaIds.length) await db.insert(focusAreaIndicators).values(focusAreaIds.map((focusAreaId) => ({ focusAreaId, indicatorId })));
}

