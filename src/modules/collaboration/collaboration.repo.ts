import { aliasedTable, and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../accounts/accounts.schema.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { type GoalOwner, type GoalStatusValue as GoalStatus, goalOwner } from "../goals/index.js";
import { goals } from "../goals/goals.schema.js";
import { initiatives } from "../initiatives/initiatives.schema.js";
import { collaborationRequests } from "./collaboration.schema.js";

export type CollaborationRequest = typeof collaborationRequests.$inferSelect;

/** Why a goal counts as related: it shares a focus area, the source goal's own indicator, an indicator the area follows, or words. */
export type RelatedReason = "area" | "indicator" | "areaIndicator" | "text";

/** Another actor's goal related to some goals, with why, best match first. */
export type RelatedGoal = { id: string; title: string; status: GoalStatus; statusChangedOn: string | null; focusAreaId: string; owner: GoalOwner; reasons: RelatedReason[] };

// A list of uuids for `in (…)`; never empty, since `in ()` is not SQL (the nil uuid matches nothing).
const uuids = (ids: string[]): SQL => sql.join((ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]).map((id) => sql`${id}::uuid`), sql`, `);

/**
 * Other actors' goals related to the source goals: in one of the areas, aimed at the source goals' own indicators or at
 * one the areas follow, or sharing words.
 * Words are the source goals' Swedish lexemes ORed together, longer ones as prefixes so "fritid" also finds "fritidsgård";
 * the best text match scores 1 and others in proportion, a shared indicator adds ½ and a shared area ¼.
 */
export async function relatedGoals(
	db: Db,
	q: {
		programmeId: string;
		sourceIds: string[];
		areaIds: string[];
		/** The indicators the source goals themselves aim at. */
		indicatorIds: string[];
		/** The indicators the areas follow: they relate goals too, but are not called the same indicator. */
		areaIndicatorIds: string[];
		excludeOrganisationIds: string[];
		excludeInitiativeIds: string[];
		limit: number;
	},
): Promise<RelatedGoal[]> {
	const result = await db.execute(sql`
		with words as (
			select string_agg(distinct case when length(w.lexeme) >= 4 then quote_literal(w.lexeme) || ':*' else quote_literal(w.lexeme) end, ' | ') as text
			from ${goals} s, unnest(s.search) w
			where s.id in (${uuids(q.sourceIds)}) and w.lexeme !~ '[''\\\\:&|!()<>*[:space:]]'
		),
		-- Materialized: built once, not again for every candidate goal (the planner would otherwise inline it).
		query as materialized (select case when text is null then null else to_tsquery('simple', text) end as q from words),
		scored as (
			select g.id, g.title, g.status, g.status_changed_on, g.focus_area_id, g.organisation_id, o.name as organisation_name, g.initiative_id, i.title as initiative_title,
				(g.focus_area_id in (${uuids(q.areaIds)})
					or exists (select 1 from goal_focus_areas a where a.goal_id = g.id and a.focus_area_id in (${uuids(q.areaIds)}))) as same_area,
				coalesce(g.target_indicator_id in (${uuids(q.indicatorIds)}), false) as shared_indicator,
				coalesce(g.target_indicator_id in (${uuids(q.areaIndicatorIds)}), false) as area_indicator,
				coalesce(ts_rank(g.search, query.q), 0) as similarity,
				coalesce(g.search @@ query.q, false) as text_match
			from ${goals} g
			cross join query
			left join ${organisations} o on o.id = g.organisation_id
			left join ${initiatives} i on i.id = g.initiative_id
			where g.programme_id = ${q.programmeId}
				and g.id not in (${uuids(q.sourceIds)})
				and (g.organisation_id is null or (o.status = 'active' and g.organisation_id not in (${uuids(q.excludeOrganisationIds)})))
				and (g.initiative_id is null or g.initiative_id not in (${uuids(q.excludeInitiativeIds)}))
		),
		kept as (
			-- Text rank relative to the best match among the candidates, so it weighs the same however long the source text is.
			select *, coalesce(similarity / nullif(max(similarity) over (), 0), 0) as likeness
			from scored where same_area or shared_indicator or area_indicator or text_match
		)
		select * from kept
		order by likeness + case when shared_indicator or area_indicator then 0.5 else 0 end + case when same_area then 0.25 else 0 end desc, similarity desc, title, id
		limit ${q.limit}
	`);
	type Row = {
		id: string;
		title: string;
		status: GoalStatus;
		status_changed_on: string | null;
		focus_area_id: string;
		organisation_id: string | null;
		organisation_name: string | null;
		initiative_id: string | null;
		initiative_title: string | null;
		same_area: boolean;
		shared_indicator: boolean;
		area_indicator: boolean;
		text_match: boolean;
	};
	return (result as unknown as { rows: Row[] }).rows.map((r) => ({
		id: r.id,
		title: r.title,
		status: r.status,
		statusChangedOn: r.status_changed_on ? String(r.status_changed_on).slice(0, 10) : null,
		focusAreaId: r.focus_area_id,
		owner: goalOwner({ organisationId: r.organisation_id, organisationName: r.organisation_name, initiativeId: r.initiative_id, initiativeTitle: r.initiative_title }),
		reasons: (["area", "indicator", "areaIndicator", "text"] as const).filter((_, i) => [r.same_area, r.shared_indicator, r.area_indicator && !r.shared_indicator, r.text_match][i]),
	}));
}

/** A goal's owner, areas and indicators: what finding its related goals starts from. */
export async function goalForRelating(db: Db, goalId: string) {
	const result = await db.execute(sql`
		select g.id, g.programme_id, g.organisation_id, g.initiative_id, g.focus_area_id,
			array(select a.focus_area_id::text from goal_focus_areas a where a.goal_id = g.id) as further_areas,
			array(select x.indicator_id::text from focus_area_indicators x where x.focus_area_id = g.focus_area_id) as area_indicators,
			g.target_indicator_id
		from ${goals} g where g.id = ${goalId}
	`);
	type Row = {
		id: string;
		programme_id: string;
		organisation_id: string | null;
		initiative_id: string | null;
		focus_area_id: string;
		further_areas: string[];
		area_indicators: string[];
		target_indicator_id: string | null;
	};
	return (result as unknown as { rows: Row[] }).rows[0];
}

/** The goals some organisations own in a focus area, the indicators they aim at and those followed there: what an area's related goals start from. */
export async function areaForRelating(db: Db, focusAreaId: string, organisationIds: string[]) {
	const inArea = sql`(g.focus_area_id = ${focusAreaId} or exists (select 1 from goal_focus_areas a where a.goal_id = g.id and a.focus_area_id = ${focusAreaId}))`;
	const result = await db.execute(sql`
		select
			array(select g.id::text from ${goals} g where g.organisation_id in (${uuids(organisationIds)})
				and ${inArea}) as goal_ids,
			array(select distinct g.target_indicator_id::text from ${goals} g where g.organisation_id in (${uuids(organisationIds)}) and g.target_indicator_id is not null
				and ${inArea}) as target_indicator_ids,
			array(select x.indicator_id::text from focus_area_indicators x where x.focus_area_id = ${focusAreaId}) as indicator_ids
	`);
	return (result as unknown as { rows: { goal_ids: string[]; target_indicator_ids: string[]; indicator_ids: string[] }[] }).rows[0]!;
}

/** One goal's owner and area, to check a proposal's goals. */
export async function findGoal(db: Db, programmeId: string, id: string) {
	const rows = await db
		.select({ id: goals.id, title: goals.title, organisationId: goals.organisationId, focusAreaId: goals.focusAreaId })
		.from(goals)
		.where(and(eq(goals.programmeId, programmeId), eq(goals.id, id)));
	return rows[0];
}

/** An active organisation's id and name. */
export async function findActiveOrganisation(db: Db, id: string) {
	const rows = await db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.id, id), eq(organisations.status, "active")));
	return rows[0];
}

/** A person's e-mail address, if the account still exists. */
export async function emailOf(db: Db, userId: string | null): Promise<string | undefined> {
	if (!userId) return undefined;
	const rows = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
	return rows[0]?.email;
}

const fromOrg = aliasedTable(organisations, "from_org");
const toOrg = aliasedTable(organisations, "to_org");
const fromGoal = aliasedTable(goals, "from_goal");
const toGoal = aliasedTable(goals, "to_goal");

function selectRequests(db: Db) {
	return db
		.select({
			request: collaborationRequests,
			fromName: fromOrg.name,
			toName: toOrg.name,
			focusAreaName: focusAreas.name,
			fromGoalTitle: fromGoal.title,
			toGoalTitle: toGoal.title,
			initiativeTitle: initiatives.title,
			initiativeCreatedAt: initiatives.createdAt,
		})
		.from(collaborationRequests)
		.innerJoin(fromOrg, eq(fromOrg.id, collaborationRequests.fromOrganisationId))
		.innerJoin(toOrg, eq(toOrg.id, collaborationRequests.toOrganisationId))
		.innerJoin(focusAreas, eq(focusAreas.id, collaborationRequests.focusAreaId))
		.leftJoin(fromGoal, eq(fromGoal.id, collaborationRequests.fromGoalId))
		.leftJoin(toGoal, eq(toGoal.id, collaborationRequests.toGoalId))
		.leftJoin(initiatives, eq(initiatives.id, collaborationRequests.initiativeId));
}

/** A request with the names around it, as its page and inbox show it. */
export type RequestView = Awaited<ReturnType<typeof listRequestsOf>>[number];

/** Every request an organisation sent or received, newest first. */
export async function listRequestsOf(db: Db, organisationId: string) {
	return selectRequests(db)
		.where(or(eq(collaborationRequests.fromOrganisationId, organisationId), eq(collaborationRequests.toOrganisationId, organisationId)))
		.orderBy(desc(collaborationRequests.createdAt), asc(collaborationRequests.id));
}

/** One request with the names around it. */
export async function findRequest(db: Db, id: string): Promise<RequestView | undefined> {
	return (await selectRequests(db).where(eq(collaborationRequests.id, id)))[0];
}

/** Stores a request. */
export async function insertRequest(db: Db, values: typeof collaborationRequests.$inferInsert): Promise<CollaborationRequest> {
	const [row] = await db.insert(collaborationRequests).values(values).returning();
	return row!;
}

/**
 * Answers a request that is still pending; gives nothing when it is not (already answered, or answered at the same moment):
 * the row lock of the update makes a second, concurrent answer wait and then find it answered.
 */
export async function answerPending(db: Db, id: string, answer: Pick<CollaborationRequest, "status" | "response" | "respondedBy">): Promise<CollaborationRequest | undefined> {
	const [row] = await db
		.update(collaborationRequests)
		.set({ ...answer, respondedAt: new Date() })
		.where(and(eq(collaborationRequests.id, id), eq(collaborationRequests.status, "pending")))
		.returning();
	return row;
}

/** Links an accepted request to the initiative it created. */
export async function linkInitiative(db: Db, id: string, initiativeId: string): Promise<void> {
	await db.update(collaborationRequests).set({ initiativeId }).where(eq(collaborationRequests.id, id));
}

/** The organisations with an unanswered invitation to co-own an initiative. */
export async function pendingInvitees(db: Db, initiativeId: string): Promise<string[]> {
	const rows = await db
		.select({ id: collaborationRequests.toOrganisationId })
		.from(collaborationRequests)
		.where(and(eq(collaborationRequests.initiativeId, initiativeId), eq(collaborationRequests.status, "pending")));
	return rows.map((r) => r.id);
}

/** The pending invitations to co-own some initiatives, with the invited organisation's name. */
export async function pendingInvitationsTo(db: Db, initiativeIds: string[]) {
	if (initiativeIds.length === 0) return [];
	return db
		.select({ initiativeId: collaborationRequests.initiativeId, organisationId: toOrg.id, organisationName: toOrg.name })
		.from(collaborationRequests)
		.innerJoin(toOrg, eq(toOrg.id, collaborationRequests.toOrganisationId))
		.where(and(inArray(collaborationRequests.initiativeId, initiativeIds), eq(collaborationRequests.status, "pending")));
}
