import { loadPageSections } from "../../ui/sections.js";
import type { Db } from "../../db/client.js";
import { memberOrganisationIds } from "../../lib/actor.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { arenaMeetingsFor } from "../arenas/index.js";
import { decisionChoices, decisionsConcerning, type ItemSummary, setDecisionBehind } from "../decisions/index.js";
import { checkedValues, focusAreaChoices, focusAreasOfAny } from "../focus-areas/index.js";
import { type IndicatorChoice, indicatorChoices, targetIndicator, targetProgress } from "../indicators/index.js";
import { organisationChoices } from "../organisations/index.js";
import { actorOf, coordinatorId, getProgramme } from "../programmes/index.js";
import { relatedGoals } from "../collaboration/index.js";
import { activityInput, commentInput, furtherAreasField, goalInput, statusInput } from "./goals.input.js";
import * as policy from "./goals.policy.js";
import type { Owner } from "./goals.policy.js";
import * as repo from "./goals.repo.js";
import { findInitiative } from "../initiatives/index.js";
import { goalStatuses } from "./goals.schema.js";
import { ownMeasureValues } from "./goals.own-values.js";

type Ref = { id: string; name: string };

export type { Owner };

/** The goals in a focus area (its main or a further area), each with status and owner, by title. */
export async function goalsInFocusArea(db: Db, focusAreaId: string): Promise<repo.GoalRow[]> {
	return isUuid(focusAreaId) ? repo.listGoalsInFocusArea(db, focusAreaId) : [];
}

/** The goals an organisation owns itself (not those of its joint initiatives), by title. */
export async function goalsOfOrganisation(db: Db, organisationId: string): Promise<repo.GoalRow[]> {
	return isUuid(organisationId) ? repo.listGoalsOfOrganisation(db, organisationId) : [];
}

/** The goals of a joint initiative, by title. */
export async function goalsOfInitiative(db: Db, initiativeId: string): Promise<repo.GoalRow[]> {
	return isUuid(initiativeId) ? repo.listGoalsOfInitiative(db, initiativeId) : [];
}

const ownerOfGoal = (g: Pick<repo.Goal, "organisationId" | "initiativeId">): Owner =>
	g.organisationId ? { organisationId: g.organisationId } : { initiativeId: g.initiativeId! };

const sameOwner = (a: Owner, b: Owner) =>
	"organisationId" in a ? "organisationId" in b && a.organisationId === b.organisationId : "initiativeId" in b && a.initiativeId === b.initiativeId;

// ---- The public list --------------------------------------------------------------------------

/** The query of the public goal list as it arrives. */
export type GoalListQuery = { focusArea?: string; organisation?: string; status?: string; q?: string };

/** The public goal list: goals matching the filters, the filters as understood, the choices for them and the viewer's own organisations. */
export async function goalList(db: Db, viewer: Viewer | null, query: GoalListQuery) {
	const programme = await getProgramme(db);
	const filters: repo.GoalFilters = {
		focusAreaId: isUuid(query.focusArea) ? query.focusArea.toLowerCase() : undefined,
		organisationId: isUuid(query.organisation) ? query.organisation.toLowerCase() : undefined,
		status: goalStatuses.find((s) => s === query.status),
		q: typeof query.q === "string" && query.q.trim() ? query.q.trim().slice(0, 200) : undefined,
	};
	const [goals, areas, organisations, names] = await Promise.all([
		repo.searchGoals(db, programme.id, filters),
		focusAreaChoices(db, programme.id),
		organisationChoices(db),
		repo.organisationNames(db, memberOrganisationIds(viewer)),
	]);
	const mine = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "sv"));
	return { goals, filters, areas, organisations, mine };
}

// ---- A goal's page ----------------------------------------------------------------------------

/** The fields of a goal kept in each version; the history says which of them a change touched. */
const versionFields = [
	"title",
	"description",
	"focusAreaIds",
	"unit",
	"periodStart",
	"periodEnd",
	"responsible",
	"decisionItemId",
	"expectedResult",
	"targetIndicatorId",
	"targetValue",
	"targetYear",
	"parentId",
	"status",
	"statusChangedOn",
] as const;

/** A goal as kept in goal_versions: its fields, and the owner organisation the change was made for. */
type Snapshot = Record<(typeof versionFields)[number], unknown> & { byOrganisationId: string | null };

function snapshotOf(goal: repo.Goal, areaIds: string[], decisionItemId: string | null, byOrganisationId: string): Snapshot {
	return {
		title: goal.title,
		description: goal.description,
		focusAreaIds: areaIds,
		unit: goal.unit,
		periodStart: goal.periodStart,
		periodEnd: goal.periodEnd,
		responsible: goal.responsible,
		decisionItemId,
		expectedResult: goal.expectedResult,
		targetIndicatorId: goal.targetIndicatorId,
		targetValue: goal.targetValue,
		targetYear: goal.targetYear,
		parentId: goal.parentId,
		status: goal.status,
		statusChangedOn: goal.statusChangedOn,
		byOrganisationId,
	};
}

/** One entry of a goal's version history: when, for which organisation, and which fields changed. */
export type VersionEntry = { version: number; changedAt: Date; organisationName: string | null; changed: (typeof versionFields)[number][] };

async function versionHistory(db: Db, goalId: string): Promise<VersionEntry[]> {
	const versions = await repo.listVersions(db, goalId);
	const names = await repo.organisationNames(db, [...new Set(versions.map((v) => (v.snapshot as Snapshot).byOrganisationId).filter((id): id is string => !!id))]);
	return versions.map((v, i) => {
		const now = v.snapshot as Snapshot;
		const before = versions[i + 1]?.snapshot as Snapshot | undefined;
		const changed = before ? versionFields.filter((f) => JSON.stringify(now[f] ?? null) !== JSON.stringify(before[f] ?? null)) : [];
		return { version: v.version, changedAt: v.changedAt, organisationName: now.byOrganisationId ? (names.get(now.byOrganisationId) ?? null) : null, changed };
	});
}

async function findGoalOr404(db: Db, id: string): Promise<{ programmeId: string; goal: repo.Goal }> {
	const programme = await getProgramme(db);
	const goal = isUuid(id) ? await repo.findGoal(db, programme.id, id.toLowerCase()) : undefined;
	if (!goal) throw notFound();
	return { programmeId: programme.id, goal };
}

/** The facts that decide whether and for whom a person comments (see the policy). */
async function commenterOf(db: Db, viewer: Viewer | null): Promise<policy.Commenter> {
	const [actor, approved] = await Promise.all([actorOf(db, viewer), organisationChoices(db, "active")]);
	return { ...actor, approved: approved.map((o) => o.id) };
}

/** Everything a goal's public page shows, and what the viewer may do there. */
export async function goalPage(db: Db, viewer: Viewer | null, id: string) {
	const { programmeId, goal } = await findGoalOr404(db, id);
	const [ownerRef, areas, decisions, parent, subGoals, activities, statusChanges, versions, comments, canEdit, canComment, target, related, meetings, sections] = await Promise.all([
		repo.ownerOf(db, goal),
		repo.areasOfGoal(db, goal),
		decisionsConcerning(db, [{ recordType: "goal", recordId: goal.id }], viewer),
		goal.parentId ? repo.findGoal(db, programmeId, goal.parentId) : undefined,
		repo.listSubGoals(db, goal.id),
		repo.listActivities(db, goal.id),
		repo.listStatusChanges(db, goal.id),
		versionHistory(db, goal.id),
		repo.listComments(db, goal.id),
		policy.canEditGoalsOf(db, viewer, ownerOfGoal(goal)),
		commenterOf(db, viewer).then(policy.mayComment),
		goal.targetIndicatorId ? targetIndicator(db, programmeId, goal.targetIndicatorId) : undefined,
		relatedGoals(db, goal.id),
		arenaMeetingsFor(db, { goalId: goal.id }),
		// Later layers add what the goal rests on (the vision, what residents said in its focus area): see ui/sections.
		loadPageSections("goal", db, goal.focusAreaId),
	]);
	const { pending, ...owner } = ownerRef!;
	if (pending && !canEdit) throw notFound();
	// An own measure is judged from the values its owner reported in published follow-up rounds.
	const ownValues = target?.kind === "own" ? await ownMeasureValues(db, goal.id) : [];
	const progress = target ? targetProgress(target, (await getProgramme(db)).municipalityCode, { value: goal.targetValue, year: goal.targetYear }, ownValues) : null;
	return { goal, owner, areas, decisions, parent: parent ?? null, subGoals, activities, statusChanges, versions, comments, canEdit, canComment, target: target ?? null, progress, related, meetings, sections };
}

/** A goal's page data, as the page and its comment form need it. */
export type GoalPageData = Awaited<ReturnType<typeof goalPage>>;

/** Adds a comment to a goal, by the policy: the coordinator and members of approved organisations, not residents. */
export async function addComment(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const { me, found, commenter } = await policy.requireCommenter(viewer, () => findGoalOr404(db, id), (me) => commenterOf(db, me));
	const { goal } = found;
	const parsed = parseForm(commentInput, body);
	if (!parsed.ok) return { ok: false as const, page: await goalPage(db, viewer, goal.id), state: parsed.state };
	const speaksFor = policy.commentSpeaksFor(commenter, await coordinatorId(db));
	await repo.insertComment(db, { goalId: goal.id, authorId: me.id, organisationId: speaksFor, body: parsed.data.body });
	return { ok: true as const, id: goal.id };
}

// ---- The goal form ----------------------------------------------------------------------------

/** What the goal form shows: the owner, the values, and the choices for areas, decisions, indicators and parent. */
export type GoalForm = {
	/** The goal being changed, or null for a new one. */
	goal: repo.Goal | null;
	owner: repo.GoalOwner;
	/** The owner organisation the person acts for, kept in the version history when the form is saved. */
	acting: string;
	action: string;
	state: FormState;
	furtherAreas: string[];
	areas: Ref[];
	decisions: ItemSummary[];
	indicators: IndicatorChoice[];
	parents: Ref[];
};

async function resolveOwner(db: Db, programmeId: string, owner: Owner): Promise<repo.GoalOwner> {
	if ("organisationId" in owner) {
		const org = isUuid(owner.organisationId) ? await repo.findOrganisation(db, owner.organisationId.toLowerCase()) : undefined;
		if (!org) throw notFound();
		return { type: "organisation", ...org };
	}
	const initiative = isUuid(owner.initiativeId) ? await findInitiative(db, programmeId, owner.initiativeId.toLowerCase()) : undefined;
	if (!initiative) throw notFound();
	return { type: "initiative", id: initiative.id, name: initiative.title };
}

const asOwner = (o: repo.GoalOwner): Owner => (o.type === "organisation" ? { organisationId: o.id } : { initiativeId: o.id });

/** The focus areas an owner may set goals in: the organisation's chosen areas; for an initiative its own area and its owners' areas. */
async function allowedAreas(db: Db, programmeId: string, owner: Owner): Promise<Ref[]> {
	const chosen = await focusAreasOfAny(db, await policy.ownerOrganisationIds(db, owner));
	if ("organisationId" in owner) return chosen;
	const [initiative, all] = await Promise.all([findInitiative(db, programmeId, owner.initiativeId), focusAreaChoices(db, programmeId)]);
	return all.filter((a) => a.id === initiative?.focusAreaId || chosen.some((c) => c.id === a.id));
}

async function formChoices(db: Db, programmeId: string, owner: repo.GoalOwner, goal: repo.Goal | null) {
	const ownGoals = owner.type === "organisation" ? await repo.listGoalsOfOrganisation(db, owner.id) : await repo.listGoalsOfInitiative(db, owner.id);
	const [areas, decisions, indicators] = await Promise.all([allowedAreas(db, programmeId, asOwner(owner)), decisionChoices(db, await policy.ownerOrganisationIds(db, asOwner(owner))), indicatorChoices(db, programmeId)]);
	// A goal's own sub-goals are left out of its parent choices: choosing one would make a cycle.
	const below = goal ? descendantsOf(ownGoals, goal.id) : new Set<string>();
	const parents = ownGoals.filter((g) => g.id !== goal?.id && !below.has(g.id)).map((g) => ({ id: g.id, name: g.title }));
	return { areas, decisions, indicators, parents };
}

function descendantsOf(goals: repo.GoalRow[], id: string): Set<string> {
	const below = new Set<string>();
	let frontier = [id];
	while (frontier.length) {
		const next = goals.filter((g) => g.parentId && frontier.includes(g.parentId) && !below.has(g.id)).map((g) => g.id);
		for (const n of next) below.add(n);
		frontier = next;
	}
	return below;
}

async function storedDecision(db: Db, viewer: Viewer | null, goalId: string): Promise<string | null> {
	return (await decisionsConcerning(db, [{ recordType: "goal", recordId: goalId }], viewer))[0]?.id ?? null;
}

/** The form for a new goal of an organisation or initiative; `parentId` pre-fills it as a sub-goal. */
export async function newGoalForm(db: Db, viewer: Viewer | null, owner: Owner, parentId: string | null = null): Promise<GoalForm> {
	const programme = await getProgramme(db);
	const ownerRef = await resolveOwner(db, programme.id, owner);
	const acting = await policy.requireEditor(db, viewer, asOwner(ownerRef));
	const choices = await formChoices(db, programme.id, ownerRef, null);
	const action = ownerRef.type === "organisation" ? `/aktorer/${ownerRef.id}/mal/ny` : `/initiativ/${ownerRef.id}/mal/ny`;
	return { goal: null, owner: ownerRef, acting, action, state: formState({ parentId: parentId ?? "" }), furtherAreas: [], ...choices };
}

/** The form for a sub-goal: same owner as the parent, the parent chosen. */
export async function subGoalForm(db: Db, viewer: Viewer | null, parentId: string): Promise<GoalForm> {
	const { goal: parent } = await findGoalOr404(db, parentId);
	const form = await newGoalForm(db, viewer, ownerOfGoal(parent), parent.id);
	return { ...form, action: `/mal/${parent.id}/delmal/ny`, state: formState({ parentId: parent.id, focusAreaId: parent.focusAreaId }) };
}

/** The form to change a goal, filled with its current values. */
export async function editGoalForm(db: Db, viewer: Viewer | null, id: string): Promise<GoalForm> {
	const { programmeId, goal } = await findGoalOr404(db, id);
	const ownerRef = await resolveOwner(db, programmeId, ownerOfGoal(goal));
	const acting = await policy.requireEditor(db, viewer, ownerOfGoal(goal));
	const [choices, areas, decisionItemId] = await Promise.all([formChoices(db, programmeId, ownerRef, goal), repo.areasOfGoal(db, goal), storedDecision(db, viewer, goal.id)]);
	const state = formState({ ...goal, parentId: goal.parentId ?? "", targetIndicatorId: goal.targetIndicatorId ?? "", decisionItemId: decisionItemId ?? "" });
	const furtherAreas = areas.map((a) => a.id).filter((a) => a !== goal.focusAreaId);
	return { goal, owner: ownerRef, acting, action: `/mal/${goal.id}/andra`, state, furtherAreas, ...choices };
}

type SaveResult = { ok: true; id: string } | { ok: false; form: GoalForm };

/** Checks a goal form against the rules that need the database; gives the values to store or the form with its error. */
async function checkGoal(db: Db, programmeId: string, form: GoalForm, body: unknown) {
	const further = checkedValues(body, furtherAreasField);
	const fail = (state: FormState) => ({ ok: false as const, form: { ...form, state, furtherAreas: further } });
	const parsed = parseForm(goalInput, body);
	if (!parsed.ok) return fail(parsed.state);
	const g = parsed.data;
	const typed = formState(body as Record<string, unknown>);
	const all = await focusAreaChoices(db, programmeId);
	const allowed = (id: string) => form.areas.some((a) => a.id === id);
	const known = (id: string) => all.some((a) => a.id === id.toLowerCase());
	if (!known(g.focusAreaId)) return fail(withError(typed, "focusAreaId", "goal.error.unknownArea"));
	if (!allowed(g.focusAreaId.toLowerCase())) return fail(withError(typed, "focusAreaId", "goal.error.areaNotChosen"));
	if (further.some((a) => !known(a))) return fail(withError(typed, furtherAreasField, "goal.error.unknownArea"));
	if (further.some((a) => !allowed(a.toLowerCase()))) return fail(withError(typed, furtherAreasField, "goal.error.areaNotChosen"));
	if (g.decisionItemId && !form.decisions.some((d) => d.id === g.decisionItemId.toLowerCase())) return fail(withError(typed, "decisionItemId", "goal.error.unknownDecision"));
	if (g.targetIndicatorId && !form.indicators.some((i) => i.id === g.targetIndicatorId.toLowerCase())) {
		return fail(withError(typed, "targetIndicatorId", "goal.error.unknownIndicator"));
	}
	let parentId: string | null = null;
	if (g.parentId) {
		const parent = isUuid(g.parentId) ? await repo.findGoal(db, programmeId, g.parentId.toLowerCase()) : undefined;
		if (!parent) return fail(withError(typed, "parentId", "goal.error.unknownGoal"));
		if (!sameOwner(ownerOfGoal(parent), asOwner(form.owner))) return fail(withError(typed, "parentId", "goal.error.parentOwner"));
		if (form.goal && (parent.id === form.goal.id || (await repo.ancestorIds(db, parent.id)).includes(form.goal.id))) {
			return fail(withError(typed, "parentId", "goal.error.cycle"));
		}
		parentId = parent.id;
	}
	const focusAreaId = g.focusAreaId.toLowerCase();
	const areaIds = [focusAreaId, ...further.map((a) => a.toLowerCase()).filter((a) => a !== focusAreaId)];
	const values = {
		title: g.title,
		description: g.description,
		focusAreaId,
		unit: g.unit,
		periodStart: g.periodStart,
		periodEnd: g.periodEnd,
		responsible: g.responsible,
		expectedResult: g.expectedResult,
		targetIndicatorId: g.targetIndicatorId ? g.targetIndicatorId.toLowerCase() : null,
		targetValue: g.targetValue,
		targetYear: g.targetYear,
		parentId,
	};
	return { ok: true as const, values, areaIds: [...new Set(areaIds)], decisionItemId: g.decisionItemId ? g.decisionItemId.toLowerCase() : null };
}

/** Creates a goal from its form, which the form's builder has already checked the person may use. */
async function createGoal(db: Db, viewer: Viewer | null, form: GoalForm, body: unknown): Promise<SaveResult> {
	const programme = await getProgramme(db);
	const checked = await checkGoal(db, programme.id, form, body);
	if (!checked.ok) return checked;
	const id = await db.transaction(async (tx) => {
		const goal = await repo.insertGoal(tx, { ...checked.values, ...asOwner(form.owner), programmeId: programme.id, version: 1 });
		await repo.setGoalAreas(tx, goal.id, checked.areaIds);
		await setDecisionBehind(tx, "goal", goal.id, checked.decisionItemId);
		await repo.insertVersion(tx, { goalId: goal.id, version: 1, snapshot: snapshotOf(goal, checked.areaIds, checked.decisionItemId, form.acting), changedBy: viewer!.id });
		return goal.id;
	});
	return { ok: true, id };
}

/** Creates a goal for an organisation or a joint initiative; only the owner's members may. */
export async function createGoalFor(db: Db, viewer: Viewer | null, owner: Owner, body: unknown): Promise<SaveResult> {
	return createGoal(db, viewer, await newGoalForm(db, viewer, owner), body);
}

/** Creates a sub-goal of a goal, owned by the same owner. */
export async function createSubGoal(db: Db, viewer: Viewer | null, parentId: string, body: unknown): Promise<SaveResult> {
	return createGoal(db, viewer, await subGoalForm(db, viewer, parentId), body);
}

/** Runs a change of a goal in one transaction: locks it, applies `change`, bumps the version and keeps the snapshot. */
async function changeGoal(
	db: Db,
	viewer: Viewer,
	goalId: string,
	acting: string,
	change: (tx: Db, goal: repo.Goal) => Promise<{ values: Partial<repo.GoalValues>; areaIds?: string[]; decisionItemId?: string | null }>,
): Promise<void> {
	await db.transaction(async (tx) => {
		const locked = (await repo.lockGoal(tx, goalId))!;
		const { values, areaIds, decisionItemId } = await change(tx, locked);
		const updated = await repo.updateGoal(tx, goalId, { ...values, version: locked.version + 1 });
		if (areaIds) await repo.setGoalAreas(tx, goalId, areaIds);
		if (decisionItemId !== undefined) await setDecisionBehind(tx, "goal", goalId, decisionItemId);
		const areas = areaIds ?? (await repo.areasOfGoal(tx, updated)).map((a) => a.id);
		const decision = decisionItemId !== undefined ? decisionItemId : await storedDecision(tx, viewer, goalId);
		await repo.insertVersion(tx, { goalId, version: updated.version, snapshot: snapshotOf(updated, areas, decision, acting), changedBy: viewer.id });
	});
}

/** Changes a goal; keeps the previous state in its version history. */
export async function updateGoal(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<SaveResult> {
	const form = await editGoalForm(db, viewer, id);
	const goal = form.goal!;
	const checked = await checkGoal(db, goal.programmeId, form, body);
	if (!checked.ok) return checked;
	await changeGoal(db, viewer!, goal.id, form.acting, async () => ({ values: checked.values, areaIds: checked.areaIds, decisionItemId: checked.decisionItemId }));
	return { ok: true, id: goal.id };
}

// ---- Status -----------------------------------------------------------------------------------

/** The status form of a goal, for its owner's members. */
export async function statusForm(db: Db, viewer: Viewer | null, id: string) {
	const { goal } = await findGoalOr404(db, id);
	await policy.requireEditor(db, viewer, ownerOfGoal(goal));
	return { goal, state: formState({ status: goal.status }) };
}

/** Changes a goal's status with the date it applies from and the reason; kept in the status history and as a version. */
export async function changeGoalStatus(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const { goal } = await findGoalOr404(db, id);
	const acting = await policy.requireEditor(db, viewer, ownerOfGoal(goal));
	const parsed = parseForm(statusInput, body);
	if (!parsed.ok) return { ok: false as const, goal, state: parsed.state };
	const { status, changedOn, reason } = parsed.data;
	await changeGoal(db, viewer!, goal.id, acting, async (tx) => {
		await repo.insertStatusChange(tx, { goalId: goal.id, status, changedOn, reason, changedBy: viewer!.id });
		return { values: { status, statusChangedOn: changedOn } };
	});
	return { ok: true as const, id: goal.id };
}

// ---- Activities -------------------------------------------------------------------------------

/** The form for a new activity (activityId null) or for changing one. */
export async function activityForm(db: Db, viewer: Viewer | null, goalId: string, activityId: string | null) {
	const { goal } = await findGoalOr404(db, goalId);
	await policy.requireEditor(db, viewer, ownerOfGoal(goal));
	if (activityId === null) return { goal, activity: null, state: formState({ status: "not_started" }) };
	const activity = isUuid(activityId) ? await repo.findActivity(db, goal.id, activityId.toLowerCase()) : undefined;
	if (!activity) throw notFound();
	return { goal, activity, state: formState(activity) };
}

/** Adds or changes an activity of a goal; gives the form back with its errors when the input is wrong. */
export async function saveGoalActivity(db: Db, viewer: Viewer | null, goalId: string, activityId: string | null, body: unknown) {
	const form = await activityForm(db, viewer, goalId, activityId);
	const parsed = parseForm(activityInput, body);
	if (!parsed.ok) return { ok: false as const, ...form, state: parsed.state };
	if (form.activity) await repo.updateActivity(db, form.activity.id, parsed.data);
	else await repo.insertActivity(db, { ...parsed.data, goalId: form.goal.id });
	return { ok: true as const, id: form.goal.id };
}
