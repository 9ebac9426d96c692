import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import type { InputQuery } from "./inputs.input.js";
import type { Db } from "../../db/client.js";
import { inputs } from "./inputs.schema.js";

/** One input as stored. */
export type Input = Omit<typeof inputs.$inferSelect, "search">;

/** What a module hands over to the pool. */
export type NewInput = {
	source: (typeof inputs.$inferSelect)["source"];
	sourceId: string;
	text: string;
	occurredOn: string;
	locality?: string | null;
	ageBand?: string | null;
	focusAreaId?: string | null;
};

/** Inserts inputs, or updates the ones already there for the same source and source id. */
export async function upsertInputs(db: Db, rows: NewInput[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insert(inputs)
		.values(rows.map((r) => ({ ...r, locality: r.locality ?? null, ageBand: r.ageBand ?? null, focusAreaId: r.focusAreaId ?? null })))
		.onConflictDoUpdate({
			target: [inputs.source, inputs.sourceId],
			set: {
				text: sql`excluded.text`,
				occurredOn: sql`excluded.occurred_on`,
				locality: sql`excluded.locality`,
				ageBand: sql`excluded.age_band`,
				focusAreaId: sql`excluded.focus_area_id`,
			},
		});
}

/** Marks the inputs of some source rows as hidden or shown again. */
export async function setHidden(db: Db, source: NewInput["source"], sourceIds: string[], hidden: boolean): Promise<void> {
	if (sourceIds.length === 0) return;
	await db
		.update(inputs)
		.set({ hidden })
		.where(and(eq(inputs.source, source), inArray(inputs.sourceId, sourceIds)));
}

/** Removes the inputs of some source rows. */
export async function deleteInputs(db: Db, source: NewInput["source"], sourceIds: string[]): Promise<void> {
	if (sourceIds.length === 0) return;
	await db.delete(inputs).where(and(eq(inputs.source, source), inArray(inputs.sourceId, sourceIds)));
}

/** The conditions of a search (Swedish full-text) and filters, and the text-search query when there is one. */
export function filters(query: InputQuery) {
	const conditions: SQL[] = [];
	const tsquery = query.q ? sql`websearch_to_tsquery('swedish', ${query.q})` : null;
	if (tsquery) conditions.push(sql`${inputs.search} @@ ${tsquery}`);
	if (query.source) conditions.push(eq(inputs.source, query.source));
	if (query.locality) conditions.push(eq(inputs.locality, query.locality));
	if (query.focusAreaId) conditions.push(eq(inputs.focusAreaId, query.focusAreaId));
	return { conditions, tsquery };
}

/** Inputs matching a search (Swedish full-text search) and filters, best match first when searching, else newest first. */
export async function searchInputs(db: Db, query: InputQuery, limit?: number) {
	const { conditions, tsquery } = filters(query);
	const q = db
		.select({
			id: inputs.id,
			source: inputs.source,
			sourceId: inputs.sourceId,
			text: inputs.text,
			occurredOn: inputs.occurredOn,
			locality: inputs.locality,
			ageBand: inputs.ageBand,
			focusAreaId: inputs.focusAreaId,
			focusAreaName: focusAreas.name,
			hidden: inputs.hidden,
		})
		.from(inputs)
		.leftJoin(focusAreas, eq(focusAreas.id, inputs.focusAreaId))
		.where(and(...conditions))
		.orderBy(...(tsquery ? [desc(sql`ts_rank(${inputs.search}, ${tsquery})`)] : []), desc(inputs.occurredOn), asc(inputs.id));
	return limit ? q.limit(limit) : q;
}

/** How many inputs match the same search and filters. */
export async function countInputs(db: Db, query: InputQuery): Promise<number> {
	const { conditions } = filters(query);
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inputs).where(and(...conditions));
	return Number(row?.n ?? 0);
}

/** The localities inputs have, for the filter. */
export async function inputLocalities(db: Db): Promise<string[]> {
	const rows = await db.selectDistinct({ locality: inputs.locality }).from(inputs).where(isNotNull(inputs.locality)).orderBy(asc(inputs.locality));
	return rows.map((r) => r.locality!);
}

/** How many visible inputs of each source are tied to a focus area. */
export async function countInputsBySource(db: Db, focusAreaId: string): Promise<{ source: NewInput["source"]; count: number }[]> {
	return db
		.select({ source: inputs.source, count: sql<number>`count(*)::int` })
		.from(inputs)
		.where(and(eq(inputs.focusAreaId, focusAreaId), eq(inputs.hidden, false)))
		.groupBy(inputs.source)
		.orderBy(asc(inputs.source));
}

/**
 * A step of another module's single-statement insert that adds rows to the pool: one per element of the arrays bound
 * to the placeholders sources, sourceIds, inputTexts, occurredOn, localities and ageBands, once for each row of the
 * statement's step `after` (none when that step stored nothing). Rows are new, so no conflict can arise. They are
 * dated to the start of their day: a time of day could tie an anonymous text to a log line.
 */
export function poolInsertStep(db: Db, after: string) {
	const p = (name: string) => sql.placeholder(name);
	return db.$with("i", {}).as(sql`insert into ${inputs} (source, source_id, text, occurred_on, locality, age_band, created_at)
		select v.source, v.source_id, v.text, v.occurred_on, v.locality, v.age_band, v.occurred_on::timestamp at time zone 'Europe/Stockholm' from ${sql.identifier(after)}
		cross join unnest(${p("sources")}::text[], ${p("sourceIds")}::text[], ${p("inputTexts")}::text[], ${p("occurredOn")}::date[], ${p("localities")}::text[], ${p("ageBands")}::text[])
			as v (source, source_id, text, occurred_on, locality, age_band)`);
}
