import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { indicators } from "../indicators/indicators.schema.js";
import { organisations, visibleTo } from "../organisations/organisations.schema.js";
import {
	type GoalStatus,
	goalActivities,
	goalComments,
	goalFocusAreas,
	goalStatusChanges,
	goalVersions,
	goals,
} from "./goals.schema.js";
import { initiativeOwners, initiatives } from "../initiatives/initiatives.schema.js";

// A goal's columns without its search vector, which no reader needs.
const { search: _search, ...goalColumns } = getTableColumns(goals);

/** A stored goal (without its search vector). */
export type Goal = Omit<typeof goals.$inferSelect, "search">;
export type GoalValues = typeof goals.$inferInsert;
export type Activity = typeof goalActivities.$inferSelect;

/** Who owns a goal, as lists and links show it. */
export type GoalOwner = { type: "organisation" | "initiative"; id: string; name: string };

/** A goal as lists show it: enough for a row with its status and owner. */
export type GoalRow = {
	id: string;
	title: string;
	status: GoalStatus;
	statusChangedOn: string | null;
	owner: GoalOwner;
	periodStart: string;
	periodEnd: string;
	parentId: string | null;
};

// One select shape for every list, so each list is one query with the owner's name joined in.
const rowColumns = {
	id: goals.id,
	title: goals.title,
	status: goals.status,
	statusChangedOn: goals.statusChangedOn,
	periodStart: goals.periodStart,
	periodEnd: goals.periodEnd,
	parentId: goals.parentId,
	organisationId: goals.organisationId,
	organisationName: organisations.name,
	initiativeId: goals.initiativeId,
	initiativeTitle: initiatives.title,
};

type RawRow = { [K in keyof typeof rowColumns]: (typeof rowColumns)[K]["_"]["data"] | null };

/** A goal's owner from its owner columns and the names joined in (exactly one of organisation and initiative is set). */
export function goalOwner(r: { organisationId: string | null; organisationName: string | null; initiativeId: string | null; initiativeTitle: string | null }): GoalOwner {
	return r.organisationId
		? { type: "organisation", id: r.organisationId, name: r.organisationName ?? "" }
		: { type: "initiative", id: r.initiativeId!, name: r.initiativeTitle ?? "" };
}

function toRow(r: RawRow): GoalRow {
	return {
		id: r.id!,
		title: r.title!,
		status: r.status!,
		statusChangedOn: r.statusChangedOn,
		owner: goalOwner(r),
		periodStart: r.periodStart!,
		periodEnd: r.periodEnd!,
		parentId: r.parentId,
	};
}

// Goals of an organisation still waiting for the coordinator's approval are not public (initiatives' goals are).
const publicOwner = sql`(${goals.organisationId} is null or ${visibleTo(goals.organisationId)})`;

function selectRows(db: Db) {
	return db
		.select(rowColumns)
		.from(goals)
		.leftJoin(organisations, eq(organisations.id, goals.organisationId))
		.leftJoin(initiatives, eq(initiatives.id, goals.initiativeId));
}

/** The public goals in a focus area (main or further area), by title. */
export async function listGoalsInFocusArea(db: Db, focusAreaId: string): Promise<GoalRow[]> {
	const rows = await selectRows(db)
		.innerJoin(goalFocusAreas, and(eq(goalFocusAreas.goalId, goals.id), eq(goalFocusAreas.focusAreaId, focusAreaId)))
		.where(publicOwner)
		.orderBy(asc(goals.title), asc(goals.id));
	return rows.map(toRow);
}

/** The goals an organisation owns itself, by title. */
export async function listGoalsOfOrganisation(db: Db, organisationId: string): Promise<GoalRow[]> {
	const rows = await selectRows(db).where(eq(goals.organisationId, organisationId)).orderBy(asc(goals.title), asc(goals.id));
	return rows.map(toRow);
}

/** The goals a joint initiative owns, by title. */
export async function listGoalsOfInitiative(db: Db, initiativeId: string): Promise<GoalRow[]> {
	const rows = await selectRows(db).where(eq(goals.initiativeId, initiativeId)).orderBy(asc(goals.title), asc(goals.id));
	return rows.map(toRow);
}

/** Filters of the public goal list. */
export type GoalFilters = { focusAreaId?: string; organisationId?: string; status?: GoalStatus; q?: string };

/** The programme's goals matching the filters; a text search ranks by Swedish full-text relevance. */
export async function searchGoals(db: Db, programmeId: string, f: GoalFilters): Promise<GoalRow[]> {
	const where: SQL[] = [eq(goals.programmeId, programmeId), publicOwner];
	if (f.focusAreaId) {
		where.push(sql`exists (select 1 from ${goalFocusAreas} where ${goalFocusAreas.goalId} = ${goals.id} and ${goalFocusAreas.focusAreaId} = ${f.focusAreaId})`);
	}
	if (f.organisationId) {
		// An organisation's goals include those of the joint initiatives it owns.
		where.push(
			sql`(${goals.organisationId} = ${f.organisationId} or ${goals.initiativeId} in (select ${initiativeOwners.initiativeId} from ${initiativeOwners} where ${initiativeOwners.organisationId} = ${f.organisationId}))`,
		);
	}
	if (f.status) where.push(eq(goals.status, f.status));
	const query = f.q ? sql`websearch_to_tsquery('swedish', ${f.q})` : null;
	if (query) where.push(sql`${goals.search} @@ ${query}`);
	const rows = await selectRows(db)
		.where(and(...where))
		.orderBy(...(query ? [desc(sql`ts_rank(${goals.search}, ${query})`)] : []), asc(goals.title), asc(goals.id));
	return rows.map(toRow);
}

/** One goal of a programme. */
export async function findGoal(db: Db, programmeId: string, id: string): Promise<Goal | undefined> {
	const rows = await db
		.select(goalColumns)
		.from(goals)
		.where(and(eq(goals.programmeId, programmeId), eq(goals.id, id)));
	return rows[0];
}

/** A goal locked for a change, so two changes at once cannot both take the same next version. */
export async function lockGoal(db: Db, id: string): Promise<Goal | undefined> {
	const rows = await db.select(goalColumns).from(goals).where(eq(goals.id, id)).for("update");
	return rows[0];
}

/** A goal's owner with its name, and whether it is an organisation still waiting for approval (an initiative never is). */
export async function ownerOf(db: Db, goal: Pick<Goal, "organisationId" | "initiativeId">): Promise<(GoalOwner & { pending: boolean }) | undefined> {
	if (goal.organisationId) {
		const [o] = await db.select({ id: organisations.id, name: organisations.name, status: organisations.status }).from(organisations).where(eq(organisations.id, goal.organisationId));
		return o && { type: "organisation", id: o.id, name: o.name, pending: o.status === "pending" };
	}
	const [i] = await db.select({ id: initiatives.id, name: initiatives.title }).from(initiatives).where(eq(initiatives.id, goal.initiativeId!));
	return i && { type: "initiative", ...i, pending: false };
}

/** The organisations that own an initiative. */
export async function initiativeOwnerIds(db: Db, initiativeId: string): Promise<string[]> {
	const rows = await db.select({ id: initiativeOwners.organisationId }).from(initiativeOwners).where(eq(initiativeOwners.initiativeId, initiativeId));
	return rows.map((r) => r.id);
}

/** One organisation's id and name. */
export async function findOrganisation(db: Db, id: string) {
	const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, id));
	return rows[0];
}

/** The areas a goal belongs to, its main area first. */
export async function areasOfGoal(db: Db, goal: Pick<Goal, "id" | "focusAreaId">): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: focusAreas.id, name: focusAreas.name })
		.from(goalFocusAreas)
		.innerJoin(focusAreas, eq(focusAreas.id, goalFocusAreas.focusAreaId))
		.where(eq(goalFocusAreas.goalId, goal.id))
		.orderBy(sql`${focusAreas.id} <> ${goal.focusAreaId}`, asc(focusAreas.position), asc(focusAreas.name));
}

/** Makes exactly these the goal's areas. */
export async function setGoalAreas(db: Db, goalId: string, areaIds: string[]): Promise<void> {
	await db.delete(goalFocusAreas).where(eq(goalFocusAreas.goalId, goalId));
	await db.insert(goalFocusAreas).values(areaIds.map((focusAreaId) => ({ goalId, focusAreaId })));
}

/** The programme's goals' titles in alphabetical order, e.g. for a decision to point at. */
export async function listGoalTitles(db: Db, programmeId: string): Promise<{ id: string; title: string }[]> {
	return db.select({ id: goals.id, title: goals.title }).from(goals).where(eq(goals.programmeId, programmeId)).orderBy(asc(goals.title));
}

/** Stores a new goal. */
export async function insertGoal(db: Db, values: GoalValues): Promise<Goal> {
	const [row] = await db.insert(goals).values(values).returning(goalColumns);
	return row!;
}

/** Changes a goal and returns it as it is now. */
export async function updateGoal(db: Db, id: string, values: Partial<GoalValues>): Promise<Goal> {
	const [row] = await db
		.update(goals)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(goals.id, id))
		.returning(goalColumns);
	return row!;
}

/** Keeps a version of a goal. */
export async function insertVersion(db: Db, values: typeof goalVersions.$inferInsert): Promise<void> {
	await db.insert(goalVersions).values(values);
}

/** Keeps a status change. */
export async function insertStatusChange(db: Db, values: typeof goalStatusChanges.$inferInsert): Promise<void> {
	await db.insert(goalStatusChanges).values(values);
}

/** A goal's versions, newest first, with the organisation the changer belonged to left to the service. */
export async function listVersions(db: Db, goalId: string) {
	return db
		.select({ version: goalVersions.version, snapshot: goalVersions.snapshot, changedBy: goalVersions.changedBy, changedAt: goalVersions.changedAt })
		.from(goalVersions)
		.where(eq(goalVersions.goalId, goalId))
		.orderBy(desc(goalVersions.version));
}

/** A goal's status changes, newest first. */
export async function listStatusChanges(db: Db, goalId: string) {
	return db
		.select({ status: goalStatusChanges.status, changedOn: goalStatusChanges.changedOn, reason: goalStatusChanges.reason, createdAt: goalStatusChanges.createdAt })
		.from(goalStatusChanges)
		.where(eq(goalStatusChanges.goalId, goalId))
		.orderBy(desc(goalStatusChanges.changedOn), desc(goalStatusChanges.createdAt));
}

/** The ancestors of a goal (parent, grandparent …), nearest first; stops at a cycle. */
export async function ancestorIds(db: Db, goalId: string): Promise<string[]> {
	const result = await db.execute(sql`
		with recursive up(id, parent_id, depth) as (
			select id, parent_id, 0 from ${goals} where id = ${goalId}
			union
			select g.id, g.parent_id, up.depth + 1 from ${goals} g join up on g.id = up.parent_id where up.depth < 100
		)
		select id from up where depth > 0 order by depth`);
	return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** A goal's sub-goals, as list rows. */
export async function listSubGoals(db: Db, goalId: string): Promise<GoalRow[]> {
	const rows = await selectRows(db).where(eq(goals.parentId, goalId)).orderBy(asc(goals.title), asc(goals.id));
	return rows.map(toRow);
}

/** A goal's activities, by start date. */
export async function listActivities(db: Db, goalId: string): Promise<Activity[]> {
	return db.select().from(goalActivities).where(eq(goalActivities.goalId, goalId)).orderBy(asc(goalActivities.startsOn), asc(goalActivities.title));
}

/** One activity of a goal. */
export async function findActivity(db: Db, goalId: string, id: string): Promise<Activity | undefined> {
	const rows = await db
		.select()
		.from(goalActivities)
		.where(and(eq(goalActivities.goalId, goalId), eq(goalActivities.id, id)));
	return rows[0];
}

/** Stores a new activity. */
export async function insertActivity(db: Db, values: typeof goalActivities.$inferInsert): Promise<void> {
	await db.insert(goalActivities).values(values);
}

/** Changes an activity. */
export async function updateActivity(db: Db, id: string, values: Partial<typeof goalActivities.$inferInsert>): Promise<void> {
	await db
		.update(goalActivities)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(goalActivities.id, id));
}

/** A goal's comments, oldest first, with the organisation the author spoke for. */
export async function listComments(db: Db, goalId: string) {
	return db
		.select({ id: goalComments.id, body: goalComments.body, createdAt: goalComments.createdAt, organisationName: organisations.name })
		.from(goalComments)
		.leftJoin(organisations, eq(organisations.id, goalComments.organisationId))
		.where(eq(goalComments.goalId, goalId))
		.orderBy(asc(goalComments.createdAt));
}

/** Stores a comment. */
export async function insertComment(db: Db, values: typeof goalComments.$inferInsert): Promise<void> {
	await db.insert(goalComments).values(values);
}

/** The names of organisations by id. */
export async function organisationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every goal of a programme (or one) with owner, areas and target, for export and the API, by title. */
export async function listGoalRecords(db: Db, programmeId: string, id?: string) {
	const areas = sql<{ id: string; name: string }[]>`coalesce((
		select json_agg(json_build_object('id', fa.id, 'name', fa.name) order by fa.id <> ${goals.focusAreaId}, fa.position, fa.name)
		from ${goalFocusAreas} gfa join ${focusAreas} fa on fa.id = gfa.focus_area_id
		where gfa.goal_id = ${goals.id}), '[]'::json)`;
	return db
		.select({ goal: goalColumns, organisationName: organisations.name, initiativeTitle: initiatives.title, indicatorTitle: indicators.title, indicatorUnit: indicators.unit, areas })
		.from(goals)
		.leftJoin(organisations, eq(organisations.id, goals.organisationId))
		.leftJoin(initiatives, eq(initiatives.id, goals.initiativeId))
		.leftJoin(indicators, eq(indicators.id, goals.targetIndicatorId))
		.where(and(eq(goals.programmeId, programmeId), publicOwner, id ? eq(goals.id, id) : undefined))
		.orderBy(asc(goals.title), asc(goals.id));
}

/** The ids of the goals some initiatives own, for exports. */
export async function goalIdsOfInitiatives(db: Db, initiativeIds: string[]): Promise<{ initiativeId: string; id: string }[]> {
	if (initiativeIds.length === 0) return [];
	const rows = await db.select({ initiativeId: goals.initiativeId, id: goals.id }).from(goals).where(inArray(goals.initiativeId, initiativeIds)).orderBy(asc(goals.title), asc(goals.id));
	return rows.map((r) => ({ initiativeId: r.initiativeId!, id: r.id }));
}
