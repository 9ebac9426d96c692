import { type Db, isUniqueViolation } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, type parseForm, withError } from "../../ui/forms.js";
import { organisationChoices } from "../organisations/index.js";
import { actorOf, getProgramme } from "../programmes/index.js";
import * as policy from "./focus-areas.policy.js";
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
	policy.authorize(await actorOf(db, viewer), "manage");
	return focusAreasOverview(db);
}

async function findArea(db: Db, programmeId: string, id: string): Promise<repo.FocusArea> {
	const area = isUuid(id) ? await repo.findFocusArea(db, programmeId, id) : undefined;
	if (!area) throw notFound();
	return area;
}

/** The form for a new focus area (id null, placed last) or for changing one. */
export async function focusAreaForm(db: Db, viewer: Viewer | null, id: string | null): Promise<FocusAreaForm> {
	policy.authorize(await actorOf(db, viewer), "manage");
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
	policy.authorize(await actorOf(db, viewer), "manage");
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
