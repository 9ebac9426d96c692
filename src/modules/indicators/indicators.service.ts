import { type Db, isUniqueViolation } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, type parseForm, withError } from "../../ui/forms.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { getProgramme, requireCoordinator } from "../programmes/index.js";
import { areasField, type indicatorInput } from "./indicators.input.js";
import * as repo from "./indicators.repo.js";

type Ref = { id: string; name: string };

/** An indicator with the focus areas that follow it. */
export type IndicatorWithAreas = repo.Indicator & { focusAreas: Ref[] };

/** What the indicator form shows: the values, the areas to choose from and those chosen. */
export type IndicatorForm = { indicator: repo.Indicator | null; state: FormState; chosen: string[]; areas: Ref[] };

/** An indicator as a choice for a goal's target: its id, title and unit. */
export type IndicatorChoice = { id: string; title: string; unit: string };

/** The programme's indicators with their focus areas, for the coordinator's list. */
export async function adminIndicators(db: Db, viewer: Viewer | null): Promise<IndicatorWithAreas[]> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const [list, areas] = await Promise.all([repo.listIndicators(db, programme.id), repo.listIndicatorAreas(db, programme.id)]);
	return list.map((i) => ({ ...i, focusAreas: areas.filter((a) => a.indicatorId === i.id).map((a) => ({ id: a.focusAreaId, name: a.focusAreaName })) }));
}

async function findOne(db: Db, programmeId: string, id: string): Promise<repo.Indicator> {
	const indicator = isUuid(id) ? await repo.findIndicator(db, programmeId, id) : undefined;
	if (!indicator) throw notFound();
	return indicator;
}

/** The form for a new indicator (id null) or for changing one. */
export async function indicatorForm(db: Db, viewer: Viewer | null, id: string | null): Promise<IndicatorForm> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const areas = await focusAreaChoices(db, programme.id);
	if (id === null) return { indicator: null, state: formState(), chosen: [], areas };
	const indicator = await findOne(db, programme.id, id);
	const chosen = (await repo.listIndicatorAreas(db, programme.id)).filter((a) => a.indicatorId === indicator.id).map((a) => a.focusAreaId);
	return { indicator, state: formState(indicator), chosen, areas };
}

/** Creates (id null) or changes an indicator and the areas that follow it; gives the form back when the input is wrong. */
export async function saveIndicator(
	db: Db,
	viewer: Viewer | null,
	id: string | null,
	parsed: ReturnType<typeof parseForm<typeof indicatorInput>>,
	chosen: string[],
): Promise<{ ok: true } | { ok: false; form: IndicatorForm }> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const indicator = id === null ? null : await findOne(db, programme.id, id);
	const areas = await focusAreaChoices(db, programme.id);
	const fail = (state: FormState) => ({ ok: false as const, form: { indicator, state, chosen, areas } });
	const unknown = chosen.some((c) => !areas.some((a) => a.id === c));
	if (!parsed.ok || unknown) {
		const state = parsed.ok ? formState(parsed.data) : parsed.state;
		return fail(unknown ? withError(state, areasField, "indicator.error.unknownArea") : state);
	}
	const values = parsed.data;
	try {
		await db.transaction(async (tx) => {
			if (indicator) await repo.updateIndicator(tx, indicator.id, values);
			const indicatorId = indicator?.id ?? (await repo.insertIndicator(tx, { ...values, programmeId: programme.id })).id;
			await repo.setIndicatorAreas(tx, indicatorId, chosen);
		});
	} catch (err) {
		if (isUniqueViolation(err)) return fail(withError(formState(values), "title", "error.nameTaken"));
		throw err;
	}
	return { ok: true };
}

/** The indicators followed in a focus area, by title (for the focus area's page). */
export async function indicatorsInFocusArea(db: Db, focusAreaId: string): Promise<repo.Indicator[]> {
	return isUuid(focusAreaId) ? repo.listIndicatorsInFocusArea(db, focusAreaId) : [];
}

/** The programme's indicators as choices for a goal's target, by title. */
export async function indicatorChoices(db: Db, programmeId: string): Promise<IndicatorChoice[]> {
	return (await repo.listIndicators(db, programmeId)).map((i) => ({ id: i.id, title: i.title, unit: i.unit }));
}

/** One of the programme's indicators as a goal's target, if it exists. */
export async function indicatorChoice(db: Db, programmeId: string, id: string): Promise<IndicatorChoice | undefined> {
	const indicator = await repo.findIndicator(db, programmeId, id);
	return indicator && { id: indicator.id, title: indicator.title, unit: indicator.unit };
}
