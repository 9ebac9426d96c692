import { and, eq, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { ideaCommentsTable as comments, ideasTable as ideas } from "../ideas/index.js";
import { inputsTable as inputs } from "../inputs/index.js";
import { surveyAnswersTable as answers, surveyResponsesTable as responses, surveysTable as surveys } from "../surveys/index.js";
import { workshopNotesTable as notes } from "../workshops/index.js";
import { importedInputs, offTopicInputs, themes, themeTaggings } from "./synthesis.schema.js";
import { focusAreaThemes } from "./traceability.schema.js";

/** A link table from something (a focus area, a vision proposal) to the themes it rests on, with who linked and when. */
export type ThemeLinkTable = PgTable & { themeId: PgColumn; linkedBy: PgColumn; linkedAt: PgColumn };

/** For each theme id, the live theme it stands for now (itself, or the theme it was merged into, followed to the end). */
export async function liveThemeIds(db: Db, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const result = await db.execute(sql`with recursive chain (start_id, id, next_id, hops) as (
			select t.id, t.id, t.merged_into_id, 0 from ${themes} t where t.id = any(${`{${ids.join(",")}}`}::uuid[])
			union all
			select c.start_id, t.id, t.merged_into_id, c.hops + 1 from chain c join ${themes} t on t.id = c.next_id where c.hops < 100
		) select start_id, id from chain where next_id is null`);
	return new Map((result as unknown as { rows: { start_id: string; id: string }[] }).rows.map((r) => [r.start_id, r.id]));
}

/** The theme ids (as linked, live or merged) of one owner's links, with who linked each and when. */
export async function linksOf(db: Db, table: ThemeLinkTable, owner: PgColumn, ownerId: string) {
	return db
		.select({ themeId: table.themeId, linkedBy: table.linkedBy, linkedAt: table.linkedAt })
		.from(table)
		.where(eq(owner, ownerId)) as Promise<{ themeId: string; linkedBy: string | null; linkedAt: Date }[]>;
}

/**
 * Makes an owner rest on exactly these live themes: links that stand (also through a merge) keep who made them and
 * when; the rest go, and new ones are made by `by` now.
 */
export async function replaceLinks(tx: Db, table: ThemeLinkTable, owner: PgColumn, ownerId: string, themeIds: string[], by: string): Promise<void> {
	const existing = await linksOf(tx, table, owner, ownerId);
	const live = await liveThemeIds(tx, existing.map((l) => l.themeId));
	const kept = existing.filter((l) => themeIds.includes(live.get(l.themeId) ?? "")).map((l) => l.themeId);
	await tx.delete(table).where(and(eq(owner, ownerId), kept.length ? notInArray(table.themeId, kept) : undefined));
	const covered = new Set(kept.map((id) => live.get(id)));
	const added = themeIds.filter((id) => !covered.has(id));
	if (added.length === 0) return;
	await tx.execute(sql`insert into ${table} (${sql.identifier(owner.name)}, theme_id, linked_by)
		select ${ownerId}::uuid, t, ${by}::uuid from unnest(${`{${added.join(",")}}`}::uuid[]) t`);
}

/** Every focus area's links to themes (as linked; a merged theme resolves later). */
export async function allFocusAreaLinks(db: Db) {
	return db.select({ focusAreaId: focusAreaThemes.focusAreaId, themeId: focusAreaThemes.themeId }).from(focusAreaThemes);
}

/** The focus area links of some themes (as linked). */
export async function focusAreaLinksOf(db: Db, themeIds: string[]) {
	if (themeIds.length === 0) return [];
	return db.select({ focusAreaId: focusAreaThemes.focusAreaId, themeId: focusAreaThemes.themeId }).from(focusAreaThemes).where(inArray(focusAreaThemes.themeId, themeIds));
}

const counted = sql`${inputs.hidden} = false and not exists (select 1 from ${offTopicInputs} o where o.input_id = ${inputs.id})`;

/**
 * Who gave an input, so that several inputs of one person count once: a survey response, the author of an idea or a
 * comment, a workshop group, an imported respondent (or row). An input whose origin is gone counts on its own.
 */
const participant = sql`coalesce(case ${inputs.source}
	when 'survey' then (select 'r:' || a.response_id from ${answers} a where a.id = ${inputs.sourceId}::uuid)
	when 'idea' then (select 'u:' || i.author_id from ${ideas} i where i.id = ${inputs.sourceId}::uuid)
	when 'comment' then (select 'u:' || c.author_id from ${comments} c where c.id = ${inputs.sourceId}::uuid)
	when 'workshop' then (select 'w:' || n.workshop_id || ':' || n.group_label from ${notes} n where n.id = ${inputs.sourceId}::uuid)
	when 'import' then (select 'f:' || m.import_id || ':' || coalesce(m.respondent, m.row::text) from ${importedInputs} m where m.input_id = ${inputs.id})
	end, 'x:' || ${inputs.id})`;

/**
 * Whether an input may be quoted in public: ideas, comments and workshop notes are public already; a survey answer
 * only when its survey told respondents that anonymised quotes may be published; an imported row never.
 */
const quotable = sql`case ${inputs.source}
	when 'survey' then coalesce((select s.publish_quotes from ${answers} a join ${responses} r on r.id = a.response_id join ${surveys} s on s.id = r.survey_id
		where a.id = ${inputs.sourceId}::uuid), false)
	when 'import' then false
	else true end`;

/** Where a quote can be read in full: the idea (also for a comment) or the workshop. */
const quotePlace = sql`case ${inputs.source}
	when 'idea' then ${inputs.sourceId}
	when 'comment' then (select c.idea_id::text from ${comments} c where c.id = ${inputs.sourceId}::uuid)
	when 'workshop' then (select n.workshop_id::text from ${notes} n where n.id = ${inputs.sourceId}::uuid)
	end`;

function taggedWith(themeIds: string[]): SQL {
	return sql`${inputs.id} in (select tt.input_id from ${themeTaggings} tt where tt.theme_id = any(${`{${themeIds.join(",")}}`}::uuid[]))`;
}

/** How many visible, on-topic inputs the themes hold together, and from how many participants. */
export async function inputsAndParticipants(db: Db, themeIds: string[]): Promise<{ inputs: number; participants: number }> {
	if (themeIds.length === 0) return { inputs: 0, participants: 0 };
	const [row] = await db
		.select({ inputs: sql<number>`count(*)::int`, participants: sql<number>`count(distinct ${participant})::int` })
		.from(inputs)
		.where(and(counted, taggedWith(themeIds)));
	return { inputs: Number(row?.inputs ?? 0), participants: Number(row?.participants ?? 0) };
}

/** Each theme's name, description and count of visible, on-topic inputs. */
export async function themeSizes(db: Db, themeIds: string[]) {
	if (themeIds.length === 0) return [];
	// Counted apart: in a one-table select drizzle names columns without their table, so a correlated subquery's
	// "id" would be the input's, not the theme's (every theme counted 0).
	const [named, counts] = await Promise.all([
		db.select({ id: themes.id, name: themes.name, description: themes.description }).from(themes).where(inArray(themes.id, themeIds)),
		db
			.select({ themeId: themeTaggings.themeId, n: sql<number>`count(*)::int` })
			.from(themeTaggings)
			.innerJoin(inputs, eq(inputs.id, themeTaggings.inputId))
			.where(and(inArray(themeTaggings.themeId, themeIds), counted))
			.groupBy(themeTaggings.themeId),
	]);
	const byTheme = new Map(counts.map((c) => [c.themeId, Number(c.n)]));
	return named.map((t) => ({ ...t, inputs: byTheme.get(t.id) ?? 0 }));
}

/** A public quote: the text, where it came from, and the idea or workshop to read it at (none for a survey answer). */
export type Quote = { id: string; themeId: string; text: string; source: string; placeId: string | null };

/**
 * A sample of quotable inputs of the themes, taken in turn from each theme; the same every time (ordered by a hash of
 * the input's id), so a page does not change on reload.
 */
export async function sampleQuotes(db: Db, themeIds: string[], perTheme: number): Promise<Quote[]> {
	if (themeIds.length === 0) return [];
	const result = await db.execute(sql`select id, theme_id as "themeId", text, source, place_id as "placeId" from (
			select ${inputs.id} as id, tt.theme_id, ${inputs.text} as text, ${inputs.source} as source, ${quotePlace} as place_id,
				row_number() over (partition by tt.theme_id order by md5(${inputs.id}::text)) as n
			from ${themeTaggings} tt join ${inputs} on ${inputs.id} = tt.input_id
			where tt.theme_id = any(${`{${themeIds.join(",")}}`}::uuid[]) and ${counted} and ${quotable}
		) q where n <= ${perTheme} order by n, theme_id`);
	return (result as unknown as { rows: Quote[] }).rows;
}


/** The themes (as tagged) of an idea's input and of its comments' inputs, when visible. */
export async function themesOfIdea(db: Db, ideaId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ themeId: themeTaggings.themeId })
		.from(themeTaggings)
		.innerJoin(inputs, eq(inputs.id, themeTaggings.inputId))
		.where(
			and(
				eq(inputs.hidden, false),
				or(
					and(eq(inputs.source, "idea"), eq(inputs.sourceId, ideaId)),
					// Compared as text: other sources' ids need not be uuids.
					and(eq(inputs.source, "comment"), sql`${inputs.sourceId} in (select c.id::text from ${comments} c where c.idea_id = ${ideaId}::uuid)`),
				),
			),
		);
	return rows.map((r) => r.themeId);
}
