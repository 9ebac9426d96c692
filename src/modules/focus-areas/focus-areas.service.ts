import { type Db, isUniqueViolation } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, type parseForm, withError } from "../../ui/forms.js";
import { upcomingArenaMeetings } from "../arenas/index.js";
import { decisionsConcerning } from "../decisions/index.js";
import { inputsBehindFocusArea } from "../inputs/index.js";
import { relatedGoalsInFocusArea } from "../collaboration/index.js";
import { type GoalOwner, type GoalRow, goalsInFocusArea } from "../goals/index.js";
import { initiativesInFocusArea } from "../initiatives/index.js";
import { indicatorsInFocusArea } from "../indicators/index.js";
import { organisationChoices } from "../organisations/index.js";
import { getProgramme, requireCoordinator } from "../programmes/index.js";
import { type focusAreaInput, organisationsField } from "./focus-areas.input.js";
import * as repo from "./focus-areas.repo.js";

type Ref = { id: string; name: string };

/** A focus area as the public sees it, with the organisations that work in it. */
export type PublicFocusArea = { id: string; position: number; name: string; description: string; organisations: Ref[] };

/** What the focus-area form shows: the values, the organisations to choose from and those chosen. */
export type FocusAreaForm = { area: repo.FocusArea | null; state: FormState; chosen: string[]; organisations: Ref[] };

async function publicFocusAreas(db: Db, programmeId: string): Promise<PublicFocusArea[]> {
	const [areas, actors] = await Promise.all([repo.listFocusAreas(db, programmeId), repo.listActors(db, programmeId)]);
	return areas.map((a) => ({
		id: a.id,
		position: a.position,
		name: a.name,
		description: a.description,
		organisations: actors.filter((r) => r.focusAreaId === a.id).map((r) => ({ id: r.organisationId, name: r.organisationName })),
	}));
}

/** The programme's focus areas in order, each with the organisations working in it. */
export async function focusAreasOverview(db: Db): Promise<PublicFocusArea[]> {
	return cachedRead(db, "focusAreas.overview", async () => publicFocusAreas(db, (await getProgramme(db)).id));
}

/** One focus area of the programme with its organisations; 404 for an unknown or malformed id. */
export async function focusAreaPage(db: Db, id: string): Promise<PublicFocusArea> {
	const area = (await focusAreasOverview(db)).find((a) => isUuid(id) && a.id === id.toLowerCase());
	if (!area) throw notFound();
	return area;
}

/** A goal owner's goals in a focus area, for the area's page. */
export type GoalGroup = { owner: GoalOwner; goals: GoalRow[] };

// Organisations first, then joint initiatives, each by name as Swedish sorts it.
function groupByOwner(goals: GoalRow[]): GoalGroup[] {
	const groups = new Map<string, GoalGroup>();
	for (const goal of goals) {
		const key = `${goal.owner.type}:${goal.owner.id}`;
		const group = groups.get(key) ?? { owner: goal.owner, goals: [] };
		group.goals.push(goal);
		groups.set(key, group);
	}
	const rank = (g: GoalGroup) => (g.owner.type === "organisation" ? 0 : 1);
	return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.owner.name.localeCompare(b.owner.name, "sv"));
}

/**
 * Everything a focus area's public page shows: the area and its actors, their goals grouped by owner, joint initiatives,
 * indicators, upcoming arena meetings and decisions; and for a member of an actor, other actors' goals like its own.
 */
export async function focusAreaPageData(db: Db, id: string, viewer: Viewer | null) {
	const area = await focusAreaPage(db, id);
	const [shared, related] = await Promise.all([publicAreaPage(db, area), relatedGoalsInFocusArea(db, area.id, viewer)]);
	return { ...shared, related };
}

function publicAreaPage(db: Db, area: PublicFocusArea) {
	return cachedRead(db, `focusAreas.page:${area.id}`, async () => {
		const [goals, initiatives, indicators, meetings, decisions, grounding] = await Promise.all([
			goalsInFocusArea(db, area.id),
			initiativesInFocusArea(db, area.id),
			indicatorsInFocusArea(db, area.id),
			upcomingArenaMeetings(db, area.id),
			decisionsConcerning(db, [{ recordType: "focus_area", recordId: area.id }]),
			inputsBehindFocusArea(db, area.id),
		]);
		return { area, goalGroups: groupByOwner(goals), initiatives, indicators, meetings, decisions, grounding };
	});
}

/** The focus areas each organisation works in, by organisation id, in area order. */
export async function focusAreasByOrganisation(db: Db, programmeId: string): Promise<Map<string, Ref[]>> {
	const byOrganisation = new Map<string, Ref[]>();
	for (const r of await repo.listActors(db, programmeId)) {
		const list = byOrganisation.get(r.organisationId) ?? [];
		list.push({ id: r.focusAreaId, name: r.focusAreaName });
		byOrganisation.set(r.organisationId, list);
	}
	return byOrganisation;
}

/** The focus areas for the coordinator's list. */
export async function adminFocusAreas(db: Db, viewer: Viewer | null): Promise<PublicFocusArea[]> {
	await requireCoordinator(db, viewer);
	return focusAreasOverview(db);
}

async function findArea(db: Db, programmeId: string, id: string): Promise<repo.FocusArea> {
	const area = isUuid(id) ? await repo.findFocusArea(db, programmeId, id) : undefined;
	if (!area) throw notFound();
	return area;
}

/** The form for a new focus area (id null, placed last) or for changing one. */
export async function focusAreaForm(db: Db, viewer: Viewer | null, id: string | null): Promise<FocusAreaForm> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const organisations = await organisationChoices(db, "all");
	if (id === null) {
		const areas = await repo.listFocusAreas(db, programme.id);
		const position = Math.max(0, ...areas.map((a) => a.position)) + 1;
		return { area: null, state: formState({ position }), chosen: [], organisations };
	}
	const area = await findArea(db, programme.id, id);
	const chosen = (await repo.listActors(db, programme.id)).filter((r) => r.focusAreaId === area.id).map((r) => r.organisationId);
	return { area, state: formState(area), chosen, organisations };
}

/** Creates (id null) or changes a focus area and who works in it; returns the form again when the input is wrong. */
export async function saveFocusArea(
	db: Db,
	viewer: Viewer | null,
	id: string | null,
	parsed: ReturnType<typeof parseForm<typeof focusAreaInput>>,
	chosen: string[],
): Promise<{ ok: true } | { ok: false; form: FocusAreaForm }> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const area = id === null ? null : await findArea(db, programme.id, id);
	const organisations = await organisationChoices(db, "all");
	const fail = (state: FormState) => ({ ok: false as const, form: { area, state, chosen, organisations } });

	const unknown = chosen.some((c) => !organisations.some((o) => o.id === c));
	if (!parsed.ok || unknown) {
		const state = parsed.ok ? formState(parsed.data) : parsed.state;
		return fail(unknown ? withError(state, organisationsField, "error.unknownOrganisation") : state);
	}
	const values = parsed.data;
	try {
		await db.transaction(async (tx) => {
			if (area) await repo.updateFocusArea(tx, area.id, values);
			const areaId = area?.id ?? (await repo.insertFocusArea(tx, { ...values, programmeId: programme.id })).id;
			await repo.setActors(tx, areaId, chosen);
		});
	} catch (err) {
		if (isUniqueViolation(err)) return fail(withError(formState(values), "name", "error.nameTaken"));
		throw err;
	}
	return { ok: true };
}

/** The focus areas one organisation has chosen, in order (also while it awaits approval). */
export async function focusAreasOf(db: Db, organisationId: string): Promise<Ref[]> {
	const programme = await getProgramme(db);
	return repo.listAreasOf(db, programme.id, organisationId);
}

/** The programme's focus areas as choices for a form, in order; callers that have the programme at hand pass its id. */
export async function focusAreaChoices(db: Db, programmeId?: string): Promise<Ref[]> {
	return repo.listFocusAreaChoices(db, programmeId ?? (await getProgramme(db)).id);
}

/** The focus areas any of these organisations works in, in area order. */
export async function focusAreasOfAny(db: Db, organisationIds: string[]): Promise<Ref[]> {
	return repo.listAreasOfAny(db, organisationIds);
}

/** Makes exactly these areas an organisation's; false (nothing changed) when one is not an area of the programme. Callers check who may. */
export async function setFocusAreasOf(db: Db, organisationId: string, chosen: string[]): Promise<boolean> {
	const programme = await getProgramme(db);
	const areas = await repo.listFocusAreas(db, programme.id);
	if (chosen.some((c) => !areas.some((a) => a.id === c))) return false;
	await db.transaction((tx) => repo.setAreasOf(tx, programme.id, organisationId, chosen));
	return true;
}
