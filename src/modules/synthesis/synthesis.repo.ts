import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { inputFilters, inputsTable as inputs } from "../inputs/index.js";
import type { AnalysisQuery } from "./synthesis.input.js";
import { analysts, offTopicInputs, themeEvents, themes, themeTaggings } from "./synthesis.schema.js";

/** A theme as stored. */
export type Theme = typeof themes.$inferSelect;

/** Whether a person holds the analyst role. */
export async function isAnalyst(db: Db, userId: string): Promise<boolean> {
	const rows = await db.select({ userId: analysts.userId }).from(analysts).where(eq(analysts.userId, userId));
	return rows.length > 0;
}

/** Every analyst, oldest grant first. */
export async function listAnalysts(db: Db) {
	return db.select().from(analysts).orderBy(asc(analysts.grantedAt));
}

/** Gives a person the analyst role (again: keeps the first grant). */
export async function insertAnalyst(db: Db, userId: string, grantedBy: string): Promise<void> {
	await db.insert(analysts).values({ userId, grantedBy }).onConflictDoNothing();
}

/** Takes the analyst role back. */
export async function deleteAnalyst(db: Db, userId: string): Promise<void> {
	await db.delete(analysts).where(eq(analysts.userId, userId));
}

/** Live themes (not merged away) by name, with how many inputs each holds. */
export async function listThemes(db: Db) {
	return db
		.select({ id: themes.id, name: themes.name, description: themes.description, inputs: sql<number>`(select count(*)::int from ${themeTaggings} where ${themeTaggings.themeId} = ${themes.id})` })
		.from(themes)
		.where(isNull(themes.mergedIntoId))
		.orderBy(asc(sql`lower(${themes.name})`));
}

/** A theme by id, live or merged. */
export async function findTheme(db: Db, id: string): Promise<Theme | undefined> {
	const [row] = await db.select().from(themes).where(eq(themes.id, id));
	return row;
}

/**
 * The live theme a theme id stands for now (a merged theme's target, followed to the end), locked against a merge
 * while the caller's transaction lasts: "share" for tagging into it, "update" for merging it.
 */
export async function lockLiveTheme(tx: Db, id: string, mode: "share" | "update"): Promise<Theme | undefined> {
	let current: Theme | undefined;
	for (let next: string | null = id, hops = 0; next && hops < 100; hops++) {
		const rows: Theme[] = await tx.select().from(themes).where(eq(themes.id, next)).for(mode === "share" ? "share" : "update");
		current = rows[0];
		next = current?.mergedIntoId ?? null;
	}
	return current;
}

/** Adds a theme. */
export async function insertTheme(tx: Db, values: { name: string; description: string; createdBy: string }): Promise<Theme> {
	const [row] = await tx.insert(themes).values(values).returning();
	return row!;
}

/** Changes a theme's name and description. */
export async function updateTheme(tx: Db, id: string, values: { name: string; description: string }): Promise<void> {
	await tx
		.update(themes)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(themes.id, id));
}

/** Records that a theme now lives on in another. */
export async function markMerged(tx: Db, id: string, intoId: string): Promise<void> {
	await tx.update(themes).set({ mergedIntoId: intoId, updatedAt: new Date() }).where(eq(themes.id, id));
}

/** Moves taggings (all, or those of some inputs) from one theme to another, keeping who tagged and when; an input already in the target keeps its first tagging. */
export async function moveTaggings(tx: Db, fromId: string, toId: string, inputIds?: string[]): Promise<number> {
	const which = and(eq(themeTaggings.themeId, fromId), inputIds ? inArray(themeTaggings.inputId, inputIds) : undefined);
	await tx.execute(sql`insert into ${themeTaggings} (input_id, theme_id, tagged_by, tagged_at)
		select input_id, ${toId}, tagged_by, tagged_at from ${themeTaggings} where ${which}
		on conflict do nothing`);
	const moved = await tx.delete(themeTaggings).where(which).returning({ inputId: themeTaggings.inputId });
	return moved.length;
}

/** Appends to a theme's history. */
export async function insertEvent(tx: Db, values: typeof themeEvents.$inferInsert): Promise<void> {
	await tx.insert(themeEvents).values(values);
}

/** A theme's history, newest first. */
export async function listEvents(db: Db, themeId: string) {
	return db.select().from(themeEvents).where(eq(themeEvents.themeId, themeId)).orderBy(desc(themeEvents.at), desc(themeEvents.id));
}

/** The inputs tagged with a theme, with who tagged them and when, newest tagging first. */
export async function taggedInputs(db: Db, themeId: string) {
	return db
		.select({ id: inputs.id, text: inputs.text, source: inputs.source, locality: inputs.locality, taggedBy: themeTaggings.taggedBy, taggedAt: themeTaggings.taggedAt })
		.from(themeTaggings)
		.innerJoin(inputs, eq(inputs.id, themeTaggings.inputId))
		.where(eq(themeTaggings.themeId, themeId))
		.orderBy(desc(themeTaggings.taggedAt), asc(inputs.id));
}

/** Tags the inputs (those that exist) with a theme in one statement; inputs already tagged keep their first tagging. Returns how many were new. */
export async function tagInputs(tx: Db, themeId: string, by: string, inputIds: string[]): Promise<number> {
	if (inputIds.length === 0) return 0;
	return insertTaggings(tx, themeId, by, sql`${inputs.id} = any(${`{${inputIds.join(",")}}`}::uuid[])`);
}

/** Tags every input matching a search and filters with a theme in one statement. Returns how many were new. */
export async function tagMatching(tx: Db, themeId: string, by: string, query: AnalysisQuery): Promise<number> {
	return insertTaggings(tx, themeId, by, and(...analysisConditions(query)) ?? sql`true`);
}

async function insertTaggings(tx: Db, themeId: string, by: string, where: SQL): Promise<number> {
	const result = await tx.execute(sql`with added as (insert into ${themeTaggings} (input_id, theme_id, tagged_by)
		select ${inputs.id}, ${themeId}::uuid, ${by}::uuid from ${inputs} where ${where}
		on conflict do nothing returning 1) select count(*)::int as n from added`);
	return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

/** Takes a theme off some inputs. */
export async function untagInputs(tx: Db, themeId: string, inputIds: string[]): Promise<void> {
	if (inputIds.length === 0) return;
	await tx.delete(themeTaggings).where(and(eq(themeTaggings.themeId, themeId), inArray(themeTaggings.inputId, inputIds)));
}

/** Marks inputs as off-topic (keeping the first marking), or clears the mark. */
export async function setOffTopic(tx: Db, inputIds: string[], offTopic: boolean, by: string): Promise<void> {
	if (inputIds.length === 0) return;
	if (!offTopic) {
		await tx.delete(offTopicInputs).where(inArray(offTopicInputs.inputId, inputIds));
		return;
	}
	await tx.execute(sql`insert into ${offTopicInputs} (input_id, marked_by)
		select ${inputs.id}, ${by}::uuid from ${inputs} where ${inputs.id} = any(${`{${inputIds.join(",")}}`}::uuid[])
		on conflict do nothing`);
}

const tagged = sql`exists (select 1 from ${themeTaggings} where ${themeTaggings.inputId} = ${inputs.id})`;
const offTopic = sql`exists (select 1 from ${offTopicInputs} where ${offTopicInputs.inputId} = ${inputs.id})`;

function analysisConditions(query: AnalysisQuery): SQL[] {
	const conditions = inputFilters(query).conditions;
	if (query.theme === "untagged") conditions.push(sql`not ${tagged} and not ${offTopic}`);
	else if (query.theme === "offTopic") conditions.push(offTopic);
	else if (query.theme) conditions.push(sql`exists (select 1 from ${themeTaggings} where ${themeTaggings.inputId} = ${inputs.id} and ${themeTaggings.themeId} = ${query.theme})`);
	return conditions;
}

/** Inputs matching the analyst's search and filters, with their themes and off-topic mark, best match or newest first. */
export async function analysisInputs(db: Db, query: AnalysisQuery, limit: number) {
	const { tsquery } = inputFilters(query);
	return db
		.select({
			id: inputs.id,
			source: inputs.source,
			text: inputs.text,
			occurredOn: inputs.occurredOn,
			locality: inputs.locality,
			ageBand: inputs.ageBand,
			offTopic: sql<boolean>`${offTopic}`,
			themes: sql<{ id: string; name: string }[]>`(select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name) order by lower(t.name)), '[]'::json)
				from ${themeTaggings} tt join ${themes} t on t.id = tt.theme_id where tt.input_id = ${inputs.id})`,
		})
		.from(inputs)
		.where(and(...analysisConditions(query)))
		.orderBy(...(tsquery ? [desc(sql`ts_rank(${inputs.search}, ${tsquery})`)] : []), desc(inputs.occurredOn), asc(inputs.id))
		.limit(limit);
}

/** How many inputs match the analyst's search and filters. */
export async function countAnalysisInputs(db: Db, query: AnalysisQuery): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(inputs)
		.where(and(...analysisConditions(query)));
	return Number(row?.n ?? 0);
}

/** How many visible inputs there are, how many carry a theme and how many are marked off-topic. */
export async function coverageTotals(db: Db): Promise<{ total: number; tagged: number; offTopic: number }> {
	const [row] = await db
		.select({
			total: sql<number>`count(*)::int`,
			tagged: sql<number>`(count(*) filter (where ${tagged}))::int`,
			offTopic: sql<number>`(count(*) filter (where ${offTopic}))::int`,
		})
		.from(inputs)
		.where(eq(inputs.hidden, false));
	return { total: Number(row?.total ?? 0), tagged: Number(row?.tagged ?? 0), offTopic: Number(row?.offTopic ?? 0) };
}

/** For each live theme, how many of its inputs come from each source, locality and age band. */
export async function themeSpread(db: Db) {
	const spread = (column: typeof inputs.source | typeof inputs.locality | typeof inputs.ageBand) =>
		db
			.select({ themeId: themeTaggings.themeId, value: column, count: sql<number>`count(*)::int` })
			.from(themeTaggings)
			.innerJoin(inputs, eq(inputs.id, themeTaggings.inputId))
			.where(eq(inputs.hidden, false))
			.groupBy(themeTaggings.themeId, column)
			.orderBy(desc(sql`count(*)`), asc(column));
	const [sources, localities, ageBands] = await Promise.all([spread(inputs.source), spread(inputs.locality), spread(inputs.ageBand)]);
	return { sources, localities, ageBands };
}
