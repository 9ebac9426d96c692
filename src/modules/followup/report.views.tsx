import { formatDate, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { type ChartSvg, yearChart } from "../../ui/charts.js";
import { ChartImage, TableScroll } from "../../ui/components.js";
import { Paragraphs } from "../../ui/text.js";
import { GoalStatus, ownerHref } from "../goals/index.js";
import { ProgressNote, RevisedNote } from "../indicators/index.js";
import type { FollowupReport, ReportFile, ReportGoal, ReportIndicator } from "./report.service.js";

const num = (ctx: PageContext, n: number | null | undefined) => (n === null || n === undefined ? "–" : formatNumber(ctx.lang, n, Number.isInteger(n) ? 0 : 2));

/** A file's size for people: kB below a megabyte, else MB with one decimal. */
function fileSize(ctx: PageContext, bytes: number): string {
	return bytes < 1024 * 1024 ? `${formatNumber(ctx.lang, Math.max(1, Math.ceil(bytes / 1024)))} kB` : `${formatNumber(ctx.lang, bytes / 1024 / 1024, 1)} MB`;
}

/** A report's evidence files as download links with their sizes. */
export function FileLinks({ ctx, roundId, files }: { ctx: PageContext; roundId: string; files: ReportFile[] }) {
	return (
		<ul>
			{files.map((f) => (
				<li key={f.id}>
					<a href={`/uppfoljning/${roundId}/fil/${f.id}`} download={f.fileName}>
						{ctx.t("followup.files.download", { name: f.fileName, size: fileSize(ctx, f.size) })}
					</a>
				</li>
			))}
		</ul>
	);
}

function ReportedGoal({ ctx, roundId, goal, indicator }: { ctx: PageContext; roundId: string; goal: ReportGoal; indicator: ReportIndicator | null }) {
	const { t } = ctx;
	const r = goal.report;
	return (
		<article class="report-goal">
			<h4>
				<a href={`/mal/${goal.id}`}>{goal.title}</a>
			</h4>
			<p class="meta">{t("followup.report.goalPeriod", { from: formatDate(ctx.lang, goal.periodStart), to: formatDate(ctx.lang, goal.periodEnd) })}</p>
			<dl>
				<dt>{t("followup.report.status")}</dt>
				<dd>
					<GoalStatus ctx={ctx} status={goal.status} />
				</dd>
				<dt>{t("followup.report.progress")}</dt>
				<dd>
					{goal.override && (
						<p class="override">
							{t("followup.progress.override", {
								state: t(`indicator.progress.${goal.override.state}`),
								computed: t(`indicator.progress.${goal.progress.state}`),
								reason: goal.override.reason,
							})}
						</p>
					)}
					<ProgressNote ctx={ctx} progress={goal.progress} indicatorTitle={indicator?.title ?? ""} />
					{r?.ownValue && <p>{t("followup.report.ownValue", { value: num(ctx, r.ownValue.value), year: r.ownValue.year })}</p>}
				</dd>
				<dt>{t("followup.report.account")}</dt>
				<dd>{r ? <Paragraphs text={r.account} /> : <p>{t("followup.report.noAccount")}</p>}</dd>
				{r && (r.evidence.length > 0 || (r.files ?? []).length > 0) && (
					<>
						<dt>{t("followup.report.evidence")}</dt>
						<dd>
							{(r.files ?? []).length > 0 && <FileLinks ctx={ctx} roundId={roundId} files={r.files!} />}
							{r.evidence.length > 0 && (
								<ul>
									{r.evidence.map((link) => (
										<li key={link}>
											<a href={link} rel="nofollow noopener">
												{link}
											</a>
										</li>
									))}
								</ul>
							)}
						</dd>
					</>
				)}
			</dl>
		</article>
	);
}

/** An indicator's values as a table: one row per year, one column per municipality followed; its scroll box takes keyboard focus for phones. */
export function IndicatorTable({ ctx, indicator, municipalityCode }: { ctx: PageContext; indicator: ReportIndicator; municipalityCode: string }) {
	const { t } = ctx;
	const years = [...new Set(indicator.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
	const name = (m: string, n: string | null) => (m === "0000" ? t("followup.report.national") : (n ?? m));
	const series = [...indicator.series].sort((a, b) => Number(b.municipality === municipalityCode) - Number(a.municipality === municipalityCode));
	return (
		<TableScroll label={t("followup.report.indicatorCaption", { title: indicator.title })}>
			<table>
				<caption>{t("followup.report.indicatorCaption", { title: indicator.title })}</caption>
				<thead>
					<tr>
						<th scope="col">{t("followup.report.year")}</th>
						{series.map((s) => (
							<th scope="col" key={s.municipality}>
								{name(s.municipality, s.name)}
								{indicator.unit ? ` (${indicator.unit})` : ""}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{years.map((y) => (
						<tr key={y}>
							<th scope="row">{y}</th>
							{series.map((s) => {
								const p = s.points.find((p) => p.year === y);
								return (
									<td key={s.municipality} class="num">
										{num(ctx, p?.value)}
										<RevisedNote ctx={ctx} revised={p?.revised} />
									</td>
								);
							})}
						</tr>
					))}
				</tbody>
			</table>
			{indicator.peerGroup && <p class="meta">{t("indicator.values.peerGroup", { group: indicator.peerGroup })}</p>}
		</TableScroll>
	);
}

/** What the report page needs besides the report: where it is, the owners to filter by and whether it is a preview. */
export type ReportPageData = { report: FollowupReport; owners: { id: string; name: string }[]; ownerId: string | null; preview: boolean };

const maxChartLines = 8;

/**
 * One indicator's values as a chart: the programme's municipality, the country and the first peers (a chart stays
 * readable with a handful of lines; the table beside it has them all). Null when there is nothing to draw.
 */
export async function indicatorChart(ctx: Pick<PageContext, "lang" | "t">, indicator: ReportIndicator): Promise<ChartSvg | null> {
	const series = indicator.series.slice(0, maxChartLines).map((s) => ({ name: s.municipality === "0000" ? ctx.t("followup.report.national") : (s.name ?? s.municipality), points: s.points }));
	return yearChart({ label: chartLabel(ctx, indicator), unit: indicator.unit, series, format: (n) => formatNumber(ctx.lang, n, Number.isInteger(n) ? 0 : 1) });
}

const chartLabel = (ctx: Pick<PageContext, "t">, indicator: ReportIndicator) => ctx.t("followup.report.indicatorCaption", { title: indicator.title });
const hasChart = (indicator: ReportIndicator) => indicator.series.slice(0, maxChartLines).some((s) => s.points.length > 0);

/** The public follow-up report of a round, printable on A4, with its downloads. */
export function ReportPage({ ctx, data }: { ctx: PageContext; data: ReportPageData }) {
	const { t } = ctx;
	const { report, owners, ownerId, preview } = data;
	const base = `/uppfoljning/${report.round.id}`;
	const query = ownerId ? `?organisation=${ownerId}` : "";
	const goals = report.areas.flatMap((a) => a.owners.flatMap((o) => o.goals));
	const indicatorOf = (g: ReportGoal) => report.indicators.find((i) => i.id === g.indicatorId) ?? null;
	return (
		<div class="followup-report">
			<link rel="stylesheet" href="/static/print.css" media="print" />
			<h1>{report.round.title}</h1>
			<p class="lead">
				{t("followup.period", { from: formatDate(ctx.lang, report.round.periodStart), to: formatDate(ctx.lang, report.round.periodEnd) })}
				{report.round.publishedAt && <> · {t("followup.publishedOn", { date: formatDate(ctx.lang, report.round.publishedAt.slice(0, 10)) })}</>}
			</p>
			{preview && (
				<p class="notice" role="note">
					{t("followup.report.preview")}
				</p>
			)}
			<p>
				{t("followup.report.summary", {
					goals: goals.length,
					owners: new Set(report.areas.flatMap((a) => a.owners.map((o) => o.id))).size,
					areas: report.areas.length,
					reported: goals.filter((g) => g.report).length,
				})}
			</p>
			<form method="get" action={base} class="no-print inline-form">
				<label for="report-owner">{t("followup.report.filter")}</label>{" "}
				<select id="report-owner" name="organisation">
					<option value="">{t("followup.report.allOwners")}</option>
					{owners.map((o) => (
						<option key={o.id} value={o.id} selected={o.id === ownerId}>
							{o.name}
						</option>
					))}
				</select>{" "}
				<button type="submit">{t("followup.report.filterSubmit")}</button>
			</form>
			<nav class="no-print" aria-label={t("followup.report.downloads")}>
				<p>
					{t("followup.report.downloads")}: <a href={`${base}/rapport.pdf${query}`}>PDF</a> · <a href={`${base}/rapport.xlsx${query}`}>Excel</a> ·{" "}
					<a href={`${base}/rapport.csv${query}`}>CSV</a> · <a href={`${base}/rapport.json${query}`}>JSON</a>
				</p>
			</nav>
			{goals.length === 0 && <p>{t("followup.report.noGoals")}</p>}
			{report.areas.map((area) => (
				<section key={area.id} class="report-area" aria-labelledby={`area-${area.id}`}>
					<h2 id={`area-${area.id}`}>{area.name}</h2>
					{area.owners.map((owner) => (
						<section key={owner.id} class="report-owner">
							<h3>
								<a href={ownerHref(owner)}>{owner.name}</a>
							</h3>
							{owner.goals.map((g) => (
								<ReportedGoal key={g.id} ctx={ctx} roundId={report.round.id} goal={g} indicator={indicatorOf(g)} />
							))}
						</section>
					))}
				</section>
			))}
			{report.indicators.length > 0 && (
				<section class="report-indicators" aria-labelledby="report-indicators">
					<h2 id="report-indicators">{t("followup.report.indicators")}</h2>
					{report.indicators.map((i) => (
						<section key={i.id}>
							<h3>{i.title}</h3>
							{hasChart(i) && <ChartImage src={(size) => `${base}/diagram/${i.id}?size=${size}&lang=${ctx.lang}`} label={chartLabel(ctx, i)} />}
							<IndicatorTable ctx={ctx} indicator={i} municipalityCode={report.programme.municipalityCode} />
						</section>
					))}
				</section>
			)}
		</div>
	);
}

/** The published rounds, newest first. */
export function PublishedRoundsPage({ ctx, rounds }: { ctx: PageContext; rounds: { id: string; title: string; periodStart: string; periodEnd: string; publishedAt: Date | null }[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("followup.title")}</h1>
			<p class="lead">{t("followup.intro")}</p>
			{rounds.length === 0 ? (
				<p>{t("followup.published.none")}</p>
			) : (
				<ul class="plain-list">
					{rounds.map((r) => (
						<li key={r.id}>
							<a href={`/uppfoljning/${r.id}`}>{r.title}</a>{" "}
							<span class="meta">{t("followup.period", { from: formatDate(ctx.lang, r.periodStart), to: formatDate(ctx.lang, r.periodEnd) })}</span>
						</li>
					))}
				</ul>
			)}
		</>
	);
}
