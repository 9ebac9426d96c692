import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { programmes } from "../programmes/programmes.schema.js";
import { focusAreaIndicators, indicators, indicatorValues, type PeerGroup } from "./indicators.schema.js";

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


/** A Kolada indicator as the sync needs it: its key figure, its programme's municipality, the peers and the peer group chosen. */
export type KoladaIndicator = { id: string; title: string; koladaKpi: string; municipalityCode: string; peerMunicipalities: string[]; peerGroup: PeerGroup | null; baselineYear: number | null };

/** Every Kolada indicator of every programme. */
export async function listKoladaIndicators(db: Db): Promise<KoladaIndicator[]> {
	const rows = await db
		.select({ id: indicators.id, title: indicators.title, koladaKpi: indicators.koladaKpi, municipalityCode: programmes.municipalityCode, peerMunicipalities: indicators.peerMunicipalities, peerGroup: indicators.peerGroup, baselineYear: indicators.baselineYear })
		.from(indicators)
		.innerJoin(programmes, eq(programmes.id, indicators.programmeId))
		.where(eq(indicators.kind, "kolada"))
		.orderBy(asc(indicators.koladaKpi), asc(indicators.id));
	return rows.map((r) => ({ ...r, koladaKpi: r.koladaKpi! }));
}

/** A stored value's key and value, to tell which values Kolada has revised. */
export type StoredValue = { municipality: string; year: number; gender: string; value: string | null };

/** The values stored for an indicator. */
export async function listStoredValues(db: Db, indicatorId: string): Promise<StoredValue[]> {
	return db
		.select({ municipality: indicatorValues.municipality, year: indicatorValues.year, gender: indicatorValues.gender, value: indicatorValues.value })
		.from(indicatorValues)
		.where(eq(indicatorValues.indicatorId, indicatorId));
}

/** A value to store for an indicator. */
export type ValueRow = { municipality: string; year: number; gender: string; value: string | null; status: string };

/**
 * Stores an indicator's values; a value that differs from the one stored replaces it and keeps the one before as
 * previousValue, with revisedAt the time of this sync (none when there was no value before: filled in, not revised). The rows travel as one array per column (unnest): one short statement instead of thousands of parameters.
 */
export async function upsertValues(db: Db, indicatorId: string, rows: ValueRow[], fetchedAt: Date): Promise<void> {
	if (rows.length === 0) return;
	const column = <K extends keyof ValueRow>(k: K) => sql.param(rows.map((r) => r[k]));
	await db.execute(sql`
		insert into ${indicatorValues} (indicator_id, municipality, year, gender, value, status, fetched_at)
		select ${indicatorId}::uuid, m, y, g, v, st, ${fetchedAt.toISOString()}::timestamptz
		from unnest(${column("municipality")}::text[], ${column("year")}::int[], ${column("gender")}::text[], ${column("value")}::numeric[], ${column("status")}::text[]) as u(m, y, g, v, st)
		on conflict (indicator_id, municipality, year, gender) do update set
			previous_value = case when ${indicatorValues.value} is distinct from excluded.value then ${indicatorValues.value} else ${indicatorValues.previousValue} end,
			revised_at = case when ${indicatorValues.value} is distinct from excluded.value then case when ${indicatorValues.value} is null then null else excluded.fetched_at end else ${indicatorValues.revisedAt} end,
			value = excluded.value,
			status = excluded.status,
			fetched_at = excluded.fetched_at`);
}

/** The value Kolada gave before it revised a value, and when the sync saw the change (both null when never revised). */
export type Revision = { previousValue: string | null; revisedAt: Date | null };

/** The latest year with a total (T) value per municipality, for each of these indicators. */
export async function latestTotals(db: Db, indicatorIds: string[]): Promise<({ indicatorId: string; municipality: string; year: number; value: string | null; status: string } & Revision)[]> {
	if (indicatorIds.length === 0) return [];
	return db
		.selectDistinctOn([indicatorValues.indicatorId, indicatorValues.municipality], {
			indicatorId: indicatorValues.indicatorId,
			municipality: indicatorValues.municipality,
			year: indicatorValues.year,
			value: indicatorValues.value,
			status: indicatorValues.status,
			previousValue: indicatorValues.previousValue,
			revisedAt: indicatorValues.revisedAt,
		})
		.from(indicatorValues)
		.where(and(inArray(indicatorValues.indicatorId, indicatorIds), eq(indicatorValues.gender, "T"), isNotNull(indicatorValues.value)))
		.orderBy(indicatorValues.indicatorId, indicatorValues.municipality, desc(indicatorValues.year));
}

/** Every total (gender T) value of the indicators, by year: the series the follow-up report draws. */
export async function totalSeries(db: Db, indicatorIds: string[]): Promise<({ indicatorId: string; municipality: string; year: number; value: string } & Revision)[]> {
	if (indicatorIds.length === 0) return [];
	const rows = await db
		.select({ indicatorId: indicatorValues.indicatorId, municipality: indicatorValues.municipality, year: indicatorValues.year, value: indicatorValues.value, previousValue: indicatorValues.previousValue, revisedAt: indicatorValues.revisedAt })
		.from(indicatorValues)
		.where(and(inArray(indicatorValues.indicatorId, indicatorIds), eq(indicatorValues.gender, "T"), isNotNull(indicatorValues.value)))
		.orderBy(indicatorValues.indicatorId, indicatorValues.municipality, indicatorValues.year);
	return rows.map((r) => ({ ...r, value: r.value! }));
}
