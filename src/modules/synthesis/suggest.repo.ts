import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { inputsTable as inputs } from "../inputs/index.js";
import { suggestionMembers, suggestionRuns, suggestions } from "./suggest.schema.js";
import { importedInputs, offTopicInputs, themes, themeTaggings } from "./synthesis.schema.js";

/** A suggestion run as stored. */
export type SuggestionRun = typeof suggestionRuns.$inferSelect;
/** A suggested theme as stored. */
export type Suggestion = typeof suggestions.$inferSelect;

const tagged = sql`exists (select 1 from ${themeTaggings} where ${themeTaggings.inputId} = ${inputs.id})`;
const offTopic = sql`exists (select 1 from ${offTopicInputs} where ${offTopicInputs.inputId} = ${inputs.id})`;

/** The visible, on-topic inputs a run reads (all, the untagged, one source, one imported question), oldest id order for repeatability. */
export async function scopeInputs(db: Db, scope: SuggestionRun["scope"], value: string | null): Promise<{ id: string; text: string }[]> {
	const conditions = [eq(inputs.hidden, false), sql`not ${offTopic}`];
	if (scope === "untagged") conditions.push(sql`not ${tagged}`);
	if (scope === "source") conditions.push(sql`${inputs.source} = ${value}`);
	if (scope === "question")
		conditions.push(sql`exists (select 1 from ${importedInputs} where ${importedInputs.inputId} = ${inputs.id} and ${importedInputs.question} = ${value})`);
	return db
		.select({ id: inputs.id, text: inputs.text })
		.from(inputs)
		.where(and(...conditions))
		.orderBy(asc(inputs.id));
}

/** The imported survey questions there are, to choose a run's inputs by. */
export async function listQuestions(db: Db): Promise<string[]> {
	const rows = await db
		.selectDistinct({ question: importedInputs.question })
		.from(importedInputs)
		.where(sql`${importedInputs.question} is not null`)
		.orderBy(asc(importedInputs.question));
	return rows.map((r) => r.question!);
}

/** Every visible on-topic input with the live themes it is tagged with: the examples and the texts of an assist run. */
export async function assistInputs(db: Db): Promise<{ id: string; text: string; themeIds: string[] }[]> {
	const [rows, taggings] = await Promise.all([
		db
			.select({ id: inputs.id, text: inputs.text })
			.from(inputs)
			.where(and(eq(inputs.hidden, false), sql`not ${offTopic}`))
			.orderBy(asc(inputs.id)),
		db
			.select({ inputId: themeTaggings.inputId, themeId: themeTaggings.themeId })
			.from(themeTaggings)
			.innerJoin(themes, eq(themes.id, themeTaggings.themeId))
			.where(sql`${themes.mergedIntoId} is null`)
			.orderBy(asc(themeTaggings.themeId)),
	]);
	const byInput = new Map<string, string[]>();
	for (const t of taggings) byInput.set(t.inputId, [...(byInput.get(t.inputId) ?? []), t.themeId]);
	return rows.map((r) => ({ ...r, themeIds: byInput.get(r.id) ?? [] }));
}

/** Starts a run, marking the kind's earlier runs replaced (their suggestions can no longer be accepted). */
export async function insertRun(tx: Db, values: typeof suggestionRuns.$inferInsert): Promise<SuggestionRun> {
	await tx
		.update(suggestionRuns)
		.set({ status: "replaced" })
		.where(and(eq(suggestionRuns.kind, values.kind), ne(suggestionRuns.status, "replaced")));
	const [row] = await tx.insert(suggestionRuns).values(values).returning();
	return row!;
}

/** Changes a run's status or progress. */
export async function updateRun(db: Db, id: string, values: Partial<typeof suggestionRuns.$inferInsert>): Promise<void> {
	await db.update(suggestionRuns).set(values).where(eq(suggestionRuns.id, id));
}

/** A run by id. */
export async function findRun(db: Db, id: string): Promise<SuggestionRun | undefined> {
	const [row] = await db.select().from(suggestionRuns).where(eq(suggestionRuns.id, id));
	return row;
}

/** A run by id, locked while the caller's transaction lasts (so accepting and replacing cannot cross). */
export async function lockRun(tx: Db, id: string): Promise<SuggestionRun | undefined> {
	const [row] = await tx.select().from(suggestionRuns).where(eq(suggestionRuns.id, id)).for("update");
	return row;
}

/** The newest run of a kind. */
export async function latestRun(db: Db, kind: SuggestionRun["kind"]): Promise<SuggestionRun | undefined> {
	const [row] = await db.select().from(suggestionRuns).where(eq(suggestionRuns.kind, kind)).orderBy(desc(suggestionRuns.startedAt), desc(suggestionRuns.id)).limit(1);
	return row;
}

// Members per statement: each chunk goes as three array parameters, so its size is bounded by bytes, not by parameters.
const chunkSize = 20000;

/** A list as one PostgreSQL array literal (a single parameter, however long the list); null as NULL. */
const arrayLiteral = (values: (string | number | null)[]) => `{${values.map((v) => (v === null ? "NULL" : String(v))).join(",")}}`;

/**
 * Stores a run's suggestions with their members (inside the caller's transaction). The members go set-based, a chunk
 * per statement unnested from arrays: an insert of one parameter per value took most of a 100 000-input run.
 */
export async function insertSuggestions(
	tx: Db,
	runId: string,
	list: { name: string; words: string[]; quoteIds: string[]; themeId?: string; members: { inputId: string; score: number; fit?: number }[] }[],
): Promise<void> {
	for (const [position, s] of list.entries()) {
		const [row] = await tx
			.insert(suggestions)
			.values({ runId, position, name: s.name, words: s.words, quoteIds: s.quoteIds, size: s.members.length, themeId: s.themeId })
			.returning({ id: suggestions.id });
		for (let start = 0; start < s.members.length; start += chunkSize) {
			const chunk = s.members.slice(start, start + chunkSize);
			await tx.execute(sql`insert into ${suggestionMembers} (suggestion_id, input_id, score, fit)
				select ${row!.id}::uuid, m.input_id, m.score, m.fit
				from unnest(${arrayLiteral(chunk.map((m) => m.inputId))}::uuid[], ${arrayLiteral(chunk.map((m) => m.score))}::real[], ${arrayLiteral(chunk.map((m) => m.fit ?? null))}::real[]) as m(input_id, score, fit)`);
		}
	}
}

/** A run's suggestions in order, with the quotes' texts. */
export async function listSuggestions(db: Db, runId: string) {
	const rows = await db.select().from(suggestions).where(eq(suggestions.runId, runId)).orderBy(asc(suggestions.position));
	const quoteIds = rows.flatMap((r) => r.quoteIds);
	const texts = quoteIds.length > 0 ? await db.select({ id: inputs.id, text: inputs.text }).from(inputs).where(inArray(inputs.id, quoteIds)) : [];
	const byId = new Map(texts.map((t) => [t.id, t.text]));
	return rows.map((r) => ({ ...r, quotes: r.quoteIds.filter((id) => byId.has(id)).map((id) => ({ id, text: byId.get(id)! })) }));
}

/** A suggestion by id, locked for a change. */
export async function lockSuggestion(tx: Db, id: string): Promise<Suggestion | undefined> {
	const [row] = await tx.select().from(suggestions).where(eq(suggestions.id, id)).for("update");
	return row;
}

/** A suggestion by id. */
export async function findSuggestion(db: Db, id: string): Promise<Suggestion | undefined> {
	const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
	return row;
}

/** Changes a suggestion's name, status or theme. */
export async function updateSuggestion(tx: Db, id: string, values: Partial<Pick<Suggestion, "name" | "status" | "themeId" | "size">>): Promise<void> {
	await tx.update(suggestions).set(values).where(eq(suggestions.id, id));
}

/** Moves one suggestion's members into another (an input in both stays once, with its better score); returns the target's new size. */
export async function moveMembers(tx: Db, fromId: string, toId: string): Promise<number> {
	await tx.execute(sql`insert into ${suggestionMembers} (suggestion_id, input_id, score)
		select ${toId}::uuid, input_id, score from ${suggestionMembers} where suggestion_id = ${fromId}
		on conflict (suggestion_id, input_id) do update set score = greatest(${suggestionMembers.score}, excluded.score)`);
	await tx.delete(suggestionMembers).where(eq(suggestionMembers.suggestionId, fromId));
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestionMembers)
		.where(eq(suggestionMembers.suggestionId, toId));
	return Number(row?.n ?? 0);
}

/** Tags a suggestion's members with a theme in one statement (inputs already tagged with it keep their first tagging). */
export async function tagMembers(tx: Db, suggestionId: string, themeId: string, by: string): Promise<number> {
	const result = await tx.execute(sql`with added as (insert into ${themeTaggings} (input_id, theme_id, tagged_by)
		select input_id, ${themeId}::uuid, ${by}::uuid from ${suggestionMembers} where suggestion_id = ${suggestionId}
		on conflict do nothing returning 1) select count(*)::int as n from added`);
	return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

/** An assist run's guesses for the chosen inputs: which theme each was given. */
export async function guessesFor(db: Db, runId: string, inputIds: string[]) {
	if (inputIds.length === 0) return [];
	return db
		.select({ inputId: suggestionMembers.inputId, themeId: suggestions.themeId })
		.from(suggestionMembers)
		.innerJoin(suggestions, eq(suggestions.id, suggestionMembers.suggestionId))
		.where(and(eq(suggestions.runId, runId), inArray(suggestionMembers.inputId, inputIds)));
}

/** An assist run's guesses for inputs still untagged whose confidence, rounded to whole per cent as the page shows it, is at least `percent`. */
export async function guessesAtLeast(db: Db, runId: string, percent: number) {
	return db
		.select({ inputId: suggestionMembers.inputId, themeId: suggestions.themeId })
		.from(suggestionMembers)
		.innerJoin(suggestions, eq(suggestions.id, suggestionMembers.suggestionId))
		.innerJoin(inputs, eq(inputs.id, suggestionMembers.inputId))
		.where(and(eq(suggestions.runId, runId), sql`round(${suggestionMembers.score}::numeric * 100) >= ${percent}`, sql`not ${tagged}`));
}

/** A run's members, best score first, still untagged when `untaggedOnly`, with their text and suggestion: the assist table and the export. */
export async function runMembers(db: Db, runId: string, opts: { untaggedOnly?: boolean; limit?: number } = {}) {
	const query = db
		.select({
			inputId: suggestionMembers.inputId,
			text: inputs.text,
			source: inputs.source,
			score: suggestionMembers.score,
			fit: suggestionMembers.fit,
			suggestionId: suggestions.id,
			suggestion: suggestions.name,
			themeId: suggestions.themeId,
		})
		.from(suggestionMembers)
		.innerJoin(suggestions, eq(suggestions.id, suggestionMembers.suggestionId))
		.innerJoin(inputs, eq(inputs.id, suggestionMembers.inputId))
		.where(and(eq(suggestions.runId, runId), opts.untaggedOnly ? sql`not ${tagged}` : undefined))
		.orderBy(desc(suggestionMembers.score), asc(suggestionMembers.inputId));
	return opts.limit ? query.limit(opts.limit) : query;
}

/**
 * The untagged, on-topic inputs of an assist run that are least like any theme (lowest fit first), with the theme they
 * are nearest: the views no theme holds yet.
 */
export async function leastFitting(db: Db, runId: string, limit: number) {
	return db
		.select({
			inputId: inputs.id,
			text: inputs.text,
			source: inputs.source,
			locality: inputs.locality,
			fit: suggestionMembers.fit,
			nearest: suggestions.name,
			themeId: suggestions.themeId,
		})
		.from(suggestionMembers)
		.innerJoin(suggestions, eq(suggestions.id, suggestionMembers.suggestionId))
		.innerJoin(inputs, eq(inputs.id, suggestionMembers.inputId))
		.where(and(eq(suggestions.runId, runId), isNotNull(suggestionMembers.fit), eq(inputs.hidden, false), sql`not ${tagged}`, sql`not ${offTopic}`))
		.orderBy(asc(suggestionMembers.fit), asc(inputs.id))
		.limit(limit);
}

/** How many inputs have been tagged since a moment (an assist run's end): examples its guesses did not learn from. */
export async function taggedSince(db: Db, at: Date): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(distinct ${themeTaggings.inputId})::int` })
		.from(themeTaggings)
		.where(sql`${themeTaggings.taggedAt} > ${at}`);
	return row?.n ?? 0;
}
