// The follow-up report of a round: per focus area, per owner and per goal, the status, the progress computed from the
// goal's indicator (or the owner's own override, shown as such), the indicator's values and the accounts given.
// A published round keeps the report exactly as it was built at publication.
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { type GoalRecord, goalRecords } from "../goals/index.js";
import { indicatorsWithSeries, type Series } from "../indicators/index.js";
import { getProgramme } from "../programmes/index.js";
import { canReadReport } from "./followup.policy.js";
import * as repo from "./followup.repo.js";
import { goalProgress, type Point, type Progress } from "../indicators/index.js";

/** An indicator as the report shows it: its facts, baseline and target, and every value per municipality. */
export type ReportIndicator = {
	id: string;
	title: string;
	unit: string;
	kind: "kolada" | "own";
	koladaKpi: string | null;
	better: "higher" | "lower" | null;
	/** The title of the Kolada municipality group the peers come from (absent in reports published before groups could be chosen). */
	peerGroup?: string | null;
	baseline: Point | null;
	target: Point | null;
	series: Series[];
};

/** A file given as evidence: its name, type and size in bytes; downloaded at /uppfoljning/:round/fil/:id. */
export type ReportFile = { id: string; fileName: string; contentType: string; size: number };

/** What an owner reported on a goal in the round (files is absent in reports published before files could be given). */
export type ReportAccount = { status: GoalRecord["status"]; account: string; evidence: string[]; files?: ReportFile[]; ownValue: Point | null; reportedAt: string };

/** A goal in the report. */
export type ReportGoal = {
	id: string;
	title: string;
	periodStart: string;
	periodEnd: string;
	status: GoalRecord["status"];
	indicatorId: string | null;
	progress: Progress;
	/** The owner's own judgement in place of the computed one, with its reason. */
	override: { state: "on_track" | "at_risk" | "off_track"; reason: string } | null;
	report: ReportAccount | null;
};

export type ReportOwner = GoalRecord["owner"] & { goals: ReportGoal[] };
export type ReportArea = { id: string; name: string; owners: ReportOwner[] };

/** The whole report of a round, as published (JSON-safe: it is stored as it is). */
export type FollowupReport = {
	round: { id: string; title: string; periodStart: string; periodEnd: string; deadline: string; publishedAt: string | null };
	programme: { name: string; municipalityCode: string };
	areas: ReportArea[];
	indicators: ReportIndicator[];
};

const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const point = (value: string | number | null | undefined, year: number | null | undefined): Point | null =>
	num(value) === null || year === null || year === undefined ? null : { value: num(value)!, year };

/** Builds the report of a round from what is stored now. */
export async function buildReport(db: Db, round: repo.Round): Promise<FollowupReport> {
	const programme = await getProgramme(db);
	const [areas, goals, reports, files, ownValues] = await Promise.all([
		focusAreaChoices(db, programme.id),
		goalRecords(db),
		repo.listReports(db, round.id),
		repo.listFiles(db, round.id),
		repo.ownValuesUpTo(db, programme.id, round.periodEnd),
	]);
	// Only goals running during the round's period are followed up in it.
	const followed = goals.filter((g) => g.periodStart <= round.periodEnd && g.periodEnd >= round.periodStart);
	const indicatorIds = [...new Set(followed.flatMap((g) => (g.target ? [g.target.indicatorId] : [])))];
	const indicators = await indicatorsWithSeries(db, programme.id, indicatorIds);
	const lastYear = Number(round.periodEnd.slice(0, 4));
	const reportOf = new Map(reports.map((r) => [r.goalId, r]));

	const reportGoal = (g: GoalRecord): ReportGoal => {
		const indicator = g.target ? indicators.find((i) => i.id === g.target!.indicatorId) : undefined;
		const own = ownValues.filter((v) => v.goalId === g.id).map((v) => point(v.value, v.year)!);
		const values = indicator?.kind === "kolada" ? (indicator.series.find((s) => s.municipality === programme.municipalityCode)?.points ?? []) : own;
		const upToRound = values.filter((p) => p.year <= lastYear);
		const target = point(g.target?.value, g.target?.year) ?? point(indicator?.targetValue, indicator?.targetYear);
		const progress = goalProgress({
			baseline: point(indicator?.baselineValue, indicator?.baselineYear) ?? values[0] ?? null,
			target,
			better: indicator?.better ?? null,
			latest: upToRound.at(-1) ?? null,
		});
		const r = reportOf.get(g.id);
		return {
			id: g.id,
			title: g.title,
			periodStart: g.periodStart,
			periodEnd: g.periodEnd,
			status: r?.status ?? g.status,
			indicatorId: indicator?.id ?? null,
			progress,
			override: r?.progressOverride ? { state: r.progressOverride, reason: r.overrideReason } : null,
			report: r
				? {
						status: r.status,
						account: r.account,
						evidence: r.evidence,
						files: files.filter((f) => f.goalId === g.id).map(({ goalId: _goal, ...f }) => f),
						ownValue: point(r.ownValue, r.ownValueYear),
						reportedAt: r.reportedAt.toISOString(),
					}
				: null,
		};
	};

	const reportAreas = areas
		.map((area) => {
			const inArea = followed.filter((g) => g.focusAreas[0]?.id === area.id);
			const owners = new Map<string, ReportOwner>();
			for (const g of inArea) {
				const owner = owners.get(g.owner.id) ?? { ...g.owner, goals: [] };
				owner.goals.push(reportGoal(g));
				owners.set(g.owner.id, owner);
			}
			return { id: area.id, name: area.name, owners: [...owners.values()].sort((a, b) => a.name.localeCompare(b.name, "sv")) };
		})
		.filter((a) => a.owners.length > 0);

	return {
		round: { id: round.id, title: round.title, periodStart: round.periodStart, periodEnd: round.periodEnd, deadline: round.deadline, publishedAt: round.publishedAt?.toISOString() ?? null },
		programme: { name: programme.name, municipalityCode: programme.municipalityCode },
		areas: reportAreas,
		indicators: indicators.map((i) => ({
			id: i.id,
			title: i.title,
			unit: i.unit,
			kind: i.kind,
			koladaKpi: i.koladaKpi,
			better: i.better,
			peerGroup: i.peerGroup?.title ?? null,
			baseline: point(i.baselineValue, i.baselineYear),
			target: point(i.targetValue, i.targetYear),
			// The values known for the round's period: a report on 2021 shows no later years.
			series: i.series.map((s) => ({ ...s, points: s.points.filter((p) => p.year <= lastYear) })),
		})),
	};
}

// A published report never changes, so the recent ones are kept parsed (a large one is megabytes of JSON).
const publishedReports = new LRUCache<string, FollowupReport>({ max: 20 });

/** The report as published, or built now for a round that is not yet published. */
export async function reportOf(db: Db, round: repo.Round): Promise<FollowupReport> {
	if (!round.publishedAt) return buildReport(db, round);
	const key = `${round.id}@${round.publishedAt.toISOString()}`;
	const known = publishedReports.get(key);
	if (known) return known;
	const report = round.publishedReport as FollowupReport;
	publishedReports.set(key, report);
	return report;
}

/** The report narrowed to one owner (an organisation or a joint initiative), e.g. for the municipality's council. */
export function forOwner(report: FollowupReport, ownerId: string): FollowupReport {
	const areas = report.areas.map((a) => ({ ...a, owners: a.owners.filter((o) => o.id === ownerId) })).filter((a) => a.owners.length > 0);
	const used = new Set(areas.flatMap((a) => a.owners.flatMap((o) => o.goals.map((g) => g.indicatorId))));
	return { ...report, areas, indicators: report.indicators.filter((i) => used.has(i.id)) };
}

/** The published rounds, newest period first, for the public list. */
export async function publishedRounds(db: Db): Promise<repo.Round[]> {
	const programme = await getProgramme(db);
	return (await repo.listRounds(db, programme.id)).filter((r) => r.publishedAt);
}

/** A round's report as a reader may see it, optionally narrowed to one owner; 404 when the reader may not. */
export async function readReport(db: Db, viewer: Viewer | null, id: string, ownerId: string | undefined) {
	const programme = await getProgramme(db);
	const round = isUuid(id) ? await repo.findRound(db, programme.id, id) : undefined;
	if (!round || !(await canReadReport(db, viewer, round))) throw notFound();
	const whole = await reportOf(db, round);
	const owners = [...new Map(whole.areas.flatMap((a) => a.owners).map((o) => [o.id, { id: o.id, name: o.name }])).values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
	const chosen = owners.find((o) => o.id === ownerId?.toLowerCase())?.id ?? null;
	return { report: chosen ? forOwner(whole, chosen) : whole, owners, ownerId: chosen, preview: !round.publishedAt };
}
