import { type Db, isUniqueViolation } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { msg } from "../../ui/messages.js";
import { checkedValues, focusAreaChoices } from "../focus-areas/index.js";
import { actorOf, getProgramme } from "../programmes/index.js";
import * as policy from "./indicators.policy.js";
import { areasField, indicatorInput } from "./indicators.input.js";
import * as repo from "./indicators.repo.js";
import { type KoladaClient, KoladaError } from "./kolada.client.js";
import { followedMunicipalities, national, peersOf, typedPeers } from "./kolada.sync.js";
import type { PeerGroup } from "./indicators.schema.js";
import { goalProgress, type Point, type Progress } from "./progress.js";

type Ref = { id: string; name: string };

/** An indicator with the focus areas that follow it. */
export type IndicatorWithAreas = repo.Indicator & { focusAreas: Ref[] };

/** What the indicator form shows: the values, the areas to choose from and those chosen. */
export type IndicatorForm = { indicator: repo.Indicator | null; state: FormState; chosen: string[]; areas: Ref[] };

/** An indicator as a choice for a goal's target: its id, title and unit. */
export type IndicatorChoice = { id: string; title: string; unit: string };

/** The programme's indicators with their focus areas, for the coordinator's list. */
export async function adminIndicators(db: Db, viewer: Viewer | null): Promise<IndicatorWithAreas[]> {
	policy.authorize(await actorOf(db, viewer), "manage");
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
	policy.authorize(await actorOf(db, viewer), "manage");
	const programme = await getProgramme(db);
	const areas = await focusAreaChoices(db, programme.id);
	if (id === null) return { indicator: null, state: formState(), chosen: [], areas };
	const indicator = await findOne(db, programme.id, id);
	const chosen = (await repo.listIndicatorAreas(db, programme.id)).filter((a) => a.indicatorId === indicator.id).map((a) => a.focusAreaId);
	return { indicator, state: formState({ ...indicator, peerMunicipalities: typedPeers(indicator).join(", "), peerGroup: indicator.peerGroup?.title ?? "" }), chosen, areas };
}

/** What a Kolada indicator takes from Kolada when the form leaves it out, and Kolada's own facts about it. */
type KoladaFacts = Pick<repo.Indicator, "title" | "description" | "unit" | "byGender" | "municipalityNames" | "peerMunicipalities" | "peerGroup">;

/** Most municipalities an indicator is compared with. */
const maxPeers = 50;


// The one Kolada municipality group with this id or called so (an exact title wins over titles that contain it), or why there is none.
async function findGroup(kolada: KoladaClient, name: string): Promise<{ ok: true; group: PeerGroup } | { ok: false; message: string }> {
	// Kolada's id of a group ("G124073") finds that one group; anything else is a title.
	const groups = /^G\d+$/i.test(name) ? await kolada.municipalityGroupsById([name.toUpperCase()]) : await kolada.municipalityGroups(name);
	const exact = groups.filter((g) => g.title.toLocaleLowerCase("sv") === name.toLocaleLowerCase("sv"));
	const found = exact.length === 1 ? exact : groups;
	if (found.length === 0) return { ok: false, message: msg("indicator.error.unknownGroup", { name }) };
	if (found.length > 1) return { ok: false, message: msg("indicator.error.manyGroups", { count: found.length, names: found.slice(0, 5).map((g) => g.title).join("; ") }) };
	const { id, title, memberIds } = found[0]!;
	return { ok: true, group: { id, title, memberIds } };
}

// Checks a Kolada indicator against Kolada's metadata; gives what Kolada says about the key figure and the
// municipalities followed, or the field and message to show. Nothing is stored before this passes.
async function checkWithKolada(
	kolada: KoladaClient,
	kpi: string,
	own: string,
	typed: string[],
	groupName: string,
): Promise<{ ok: true; facts: KoladaFacts } | { ok: false; field: string; message: string }> {
	try {
		const [found] = await kolada.kpis([kpi]);
		if (!found || found.id !== kpi) return { ok: false, field: "koladaKpi", message: msg("indicator.error.unknownKpi", { kpi }) };
		let peerGroup: PeerGroup | null = null;
		if (groupName) {
			const chosen = await findGroup(kolada, groupName);
			if (!chosen.ok) return { ok: false, field: "peerGroup", message: chosen.message };
			peerGroup = chosen.group;
		}
		const peers = peersOf(typed, peerGroup, own);
		if (peers.length > maxPeers) return { ok: false, field: peerGroup ? "peerGroup" : "peerMunicipalities", message: msg("indicator.error.groupTooLarge", { count: peers.length, max: maxPeers }) };
		const municipalities = followedMunicipalities({ municipalityCode: own, peerMunicipalities: peers });
		const names = Object.fromEntries((await kolada.municipalities(municipalities)).map((m) => [m.id, m.title]));
		const missing = municipalities.filter((m) => !(m in names));
		if (missing.length) return { ok: false, field: "peerMunicipalities", message: msg("indicator.error.unknownMunicipality", { ids: missing.join(", ") }) };
		return { ok: true, facts: { title: found.title, description: found.description, unit: found.unit, byGender: found.isDividedByGender, municipalityNames: names, peerMunicipalities: peers, peerGroup } };
	} catch (err) {
		if (err instanceof KoladaError) return { ok: false, field: "koladaKpi", message: "indicator.error.koladaUnavailable" };
		throw err;
	}
}

/** Creates (id null) or changes an indicator and the areas that follow it; gives the form back, as typed, when the input is wrong. */
export async function saveIndicator(db: Db, viewer: Viewer | null, id: string | null, body: unknown, kolada: KoladaClient): Promise<{ ok: true } | { ok: false; form: IndicatorForm }> {
	policy.authorize(await actorOf(db, viewer), "manage");
	const programme = await getProgramme(db);
	const indicator = id === null ? null : await findOne(db, programme.id, id);
	const areas = await focusAreaChoices(db, programme.id);
	const chosen = checkedValues(body, areasField);
	const typed = formState(body as Record<string, unknown>);
	const fail = (state: FormState) => ({ ok: false as const, form: { indicator, state, chosen, areas } });
	const parsed = parseForm(indicatorInput, body);
	if (!parsed.ok) return fail(parsed.state);
	if (chosen.some((c) => !areas.some((a) => a.id === c))) return fail(withError(typed, areasField, "indicator.error.unknownArea"));
	const v = parsed.data;
	let fromKolada: (KoladaFacts & { kind: "kolada" }) | { kind: "own" } = { kind: "own" };
	if (v.koladaKpi) {
		// A change to anything but the key figure and the peers needs no new check, so it can be saved while Kolada is down.
		const checkedBefore = indicator?.koladaKpi === v.koladaKpi && typedPeers(indicator).join() === v.peerMunicipalities.join() && (indicator.peerGroup?.title ?? "") === v.peerGroup;
		const checked = checkedBefore ? { ok: true as const, facts: indicator } : await checkWithKolada(kolada, v.koladaKpi, programme.municipalityCode, v.peerMunicipalities, v.peerGroup);
		if (!checked.ok) return fail(withError(typed, checked.field, checked.message));
		const { facts } = checked;
		fromKolada = { kind: "kolada", byGender: facts.byGender, municipalityNames: facts.municipalityNames, peerMunicipalities: facts.peerMunicipalities, peerGroup: facts.peerGroup, title: v.title || facts.title, description: v.description || facts.description, unit: v.unit || facts.unit };
	}
	const values = { ...v, peerMunicipalities: [] as string[], peerGroup: null, ...fromKolada };
	try {
		await db.transaction(async (tx) => {
			if (indicator) await repo.updateIndicator(tx, indicator.id, values);
			const indicatorId = indicator?.id ?? (await repo.insertIndicator(tx, { ...values, programmeId: programme.id })).id;
			await repo.setIndicatorAreas(tx, indicatorId, chosen);
		});
	} catch (err) {
		if (isUniqueViolation(err)) return fail(withError(typed, "title", "error.nameTaken"));
		throw err;
	}
	return { ok: true };
}

/** Kolada revised a value: the value it gave before and the day (YYYY-MM-DD, in Sweden) the sync saw the change. */
export type Revised = { from: number; on: string };

// The revision of a stored value as a field to spread in: none at all for a value never revised.
const revisedOf = (r: repo.Revision): { revised?: Revised } => (r.previousValue === null || r.revisedAt === null ? {} : { revised: { from: Number(r.previousValue), on: todayInSweden(r.revisedAt) } });

/** An indicator's latest value per municipality followed, with the municipality's name (null: Kolada's name unknown). */
export type LatestValue = { municipality: string; name: string | null; year: number; value: number; revised?: Revised };

/** An indicator with its latest values, the programme's municipality first, then the country, then the peers. */
export type IndicatorWithValues = repo.Indicator & { latest: LatestValue[] };

// Values stay stored for a municipality no longer followed (e.g. one that left the peer group); they are not shown.
const followedBy = (i: repo.Indicator, municipalityCode: string) => new Set(followedMunicipalities({ municipalityCode, peerMunicipalities: i.peerMunicipalities }));

async function withLatestValues(db: Db, list: repo.Indicator[]): Promise<IndicatorWithValues[]> {
	const [programme, rows] = await Promise.all([
		getProgramme(db),
		repo.latestTotals(
			db,
			list.filter((i) => i.kind === "kolada").map((i) => i.id),
		),
	]);
	return list.map((i) => {
		const order = (m: string) => (m === national ? 1 : i.peerMunicipalities.includes(m) ? 2 + i.peerMunicipalities.indexOf(m) : 0);
		const followed = followedBy(i, programme.municipalityCode);
		const latest = rows
			.filter((r) => r.indicatorId === i.id && followed.has(r.municipality))
			.map((r) => ({ municipality: r.municipality, name: i.municipalityNames[r.municipality] ?? null, year: r.year, value: Number(r.value), ...revisedOf(r) }))
			.sort((a, b) => order(a.municipality) - order(b.municipality));
		return { ...i, latest };
	});
}

/** The indicators followed in a focus area, by title, with their latest values (for the focus area's page). */
export async function indicatorsInFocusArea(db: Db, focusAreaId: string): Promise<IndicatorWithValues[]> {
	return isUuid(focusAreaId) ? withLatestValues(db, await repo.listIndicatorsInFocusArea(db, focusAreaId)) : [];
}

/** A goal's target indicator with its latest values, if it is one of the programme's. */
export async function targetIndicator(db: Db, programmeId: string, id: string): Promise<IndicatorWithValues | undefined> {
	const indicator = await repo.findIndicator(db, programmeId, id);
	return indicator && (await withLatestValues(db, [indicator]))[0];
}

const point = (value: string | null, year: number | null) => (value === null || year === null ? null : { value: Number(value), year });

/**
 * A goal's progress on the page of the goal: a Kolada indicator from its latest value for the programme's municipality,
 * an own measure from the values reported in follow-up rounds (oldest first; the first is the baseline when the
 * indicator has none). Null without a baseline to judge from.
 */
export function targetProgress(indicator: IndicatorWithValues, municipalityCode: string, goalTarget: { value: string | null; year: number | null }, ownValues: Point[] = []): Progress | null {
	const own = indicator.kind === "own";
	const baseline = point(indicator.baselineValue, indicator.baselineYear) ?? (own ? (ownValues[0] ?? null) : null);
	if (!baseline) return null;
	const kolada = indicator.latest.find((l) => l.municipality === municipalityCode);
	const latest = own ? (ownValues.at(-1) ?? null) : kolada ? { value: kolada.value, year: kolada.year } : null;
	return goalProgress({ baseline, target: point(goalTarget.value, goalTarget.year) ?? point(indicator.targetValue, indicator.targetYear), better: indicator.better, latest });
}

/** The programme's indicators as choices for a goal's target, by title. */
export async function indicatorChoices(db: Db, programmeId: string): Promise<IndicatorChoice[]> {
	return (await repo.listIndicators(db, programmeId)).map((i) => ({ id: i.id, title: i.title, unit: i.unit }));
}

/** One municipality's values of an indicator over the years (revised absent when Kolada has not revised the value). */
export type Series = { municipality: string; name: string | null; points: { year: number; value: number; revised?: Revised }[] };

/** Indicators of the programme with every total value per municipality followed, the programme's own first. */
export async function indicatorsWithSeries(db: Db, programmeId: string, ids: string[]): Promise<(repo.Indicator & { series: Series[] })[]> {
	const list = (await repo.listIndicators(db, programmeId)).filter((i) => ids.includes(i.id));
	const [programme, rows] = await Promise.all([
		getProgramme(db),
		repo.totalSeries(
			db,
			list.map((i) => i.id),
		),
	]);
	return list.map((i) => {
		const order = (m: string) => (m === national ? 1 : i.peerMunicipalities.includes(m) ? 2 + i.peerMunicipalities.indexOf(m) : 0);
		const followed = followedBy(i, programme.municipalityCode);
		const municipalities = [...new Set(rows.filter((r) => r.indicatorId === i.id && followed.has(r.municipality)).map((r) => r.municipality))].sort((a, b) => order(a) - order(b));
		const series = municipalities.map((m) => ({
			municipality: m,
			name: i.municipalityNames[m] ?? null,
			points: rows.filter((r) => r.indicatorId === i.id && r.municipality === m).map((r) => ({ year: r.year, value: Number(r.value), ...revisedOf(r) })),
		}));
		return { ...i, series };
	});
}
