import { formatDate, formatMonth, formatNumber, type Lang } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { type ChartSvg, monthChart } from "../../ui/charts.js";
import { Chart, Downloads, PageHelp, TableScroll } from "../../ui/components.js";
import type { BreakdownRow, MonthRow, publicParticipation } from "./participation.service.js";

type Data = Awaited<ReturnType<typeof publicParticipation>>;

const percent = (ctx: PageContext, share: number) => `${formatNumber(ctx.lang, share * 100, 1)} %`;

function Breakdown({ ctx, id, title, rows }: { ctx: PageContext; id: string; title: string; rows: BreakdownRow[] }) {
	const { t, lang } = ctx;
	const known = rows.reduce((n, r) => n + r.total, 0);
	return (
		<section aria-labelledby={`${id}-title`}>
			<h2 id={`${id}-title`}>{title}</h2>
			{rows.length === 0 ? (
				<p>{t("participation.noBreakdown")}</p>
			) : (
				<TableScroll label={title}>
				<table>
					<thead>
						<tr>
							<th scope="col">{title}</th>
							<th scope="col">{t("participation.col.surveyAnswers")}</th>
							<th scope="col">{t("participation.col.workshopHeadcount")}</th>
							<th scope="col">{t("participation.col.total")}</th>
							<th scope="col">{t("participation.col.shareOfKnown")}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((r) => (
							<tr key={r.label}>
								<th scope="row">{r.label}</th>
								<td>{formatNumber(lang, r.surveys)}</td>
								<td>{formatNumber(lang, r.workshops)}</td>
								<td>{formatNumber(lang, r.total)}</td>
								<td>{percent(ctx, known ? r.total / known : 0)}</td>
							</tr>
						))}
					</tbody>
				</table>
				</TableScroll>
			)}
		</section>
	);
}

/** The participation page: public, or with the coordinator's details. */
export function ParticipationPage({ ctx, data, detailed, chart }: { ctx: PageContext; data: Data; detailed: boolean; chart: ChartSvg | null }) {
	const { t, lang } = ctx;
	const n = (v: number) => formatNumber(lang, v);
	const { totals } = data;
	const activityTitle = (a: Data["activities"][number]) =>
		a.kind === "ideas" ? t("participation.activity.ideas") : t(`participation.activity.${a.kind}`, { title: a.title });
	return (
		<>
			<h1>{t(detailed ? "participation.adminTitle" : "participation.title")}</h1>
			{detailed && (
				<>
					<PageHelp ctx={ctx} page="participation" />
					<Downloads ctx={ctx} xlsx="/admin/delaktighet.xlsx" csvExcel="/admin/delaktighet.csv" />
				</>
			)}
			<p class="lead">
				{t("participation.lead", { total: n(totals.total), share: percent(ctx, totals.share), population: n(data.population) })}
			</p>
			<section aria-labelledby="totals-title">
				<h2 id="totals-title">{t("participation.totals")}</h2>
				<TableScroll label={t("participation.totals")}>
				<table>
					<thead>
						<tr>
							<th scope="col">{t("participation.col.way")}</th>
							<th scope="col">{t("participation.col.count")}</th>
							<th scope="col">{t("participation.col.shareOfPopulation")}</th>
						</tr>
					</thead>
					<tbody>
						{(
							[
								["signedIn", totals.signedIn],
								["anonymous", totals.anonymous],
								["paper", totals.paper],
								["headcount", totals.headcount],
							] as const
						).map(([key, value]) => (
							<tr key={key}>
								<th scope="row">{t(`participation.way.${key}`)}</th>
								<td>{n(value)}</td>
								<td>{percent(ctx, data.population ? value / data.population : 0)}</td>
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t("participation.way.total")}</th>
							<td>{n(totals.total)}</td>
							<td>{percent(ctx, totals.share)}</td>
						</tr>
					</tfoot>
				</table>
				</TableScroll>
			</section>
			<section aria-labelledby="activities-title">
				<h2 id="activities-title">{t("participation.perActivity")}</h2>
				{data.activities.length === 0 ? (
					<p>{t("participation.none")}</p>
				) : (
					<TableScroll label={t("participation.perActivity")}>
					<table>
						<thead>
							<tr>
								<th scope="col">{t("participation.col.activity")}</th>
								<th scope="col">{t("participation.way.signedIn")}</th>
								<th scope="col">{t("participation.way.anonymous")}</th>
								<th scope="col">{t("participation.way.paper")}</th>
								<th scope="col">{t("participation.way.headcount")}</th>
								{detailed && <th scope="col">{t("participation.col.registered")}</th>}
								<th scope="col">{t("participation.col.total")}</th>
							</tr>
						</thead>
						<tbody>
							{data.activities.map((a) => (
								<tr key={`${a.kind}-${a.id}`}>
									<th scope="row">{activityTitle(a)}</th>
									<td>{n(a.signedIn)}</td>
									<td>{n(a.anonymous)}</td>
									<td>{n(a.paper)}</td>
									<td>{a.kind === "workshop" ? (a.headcount === null ? t("participation.notEntered") : n(a.headcount)) : "–"}</td>
									{detailed && <td>{a.registered === null ? "–" : n(a.registered)}</td>}
									<td>{n(a.total)}</td>
								</tr>
							))}
						</tbody>
					</table>
					</TableScroll>
				)}
				{detailed && (
					<p>
						{t("participation.ideaBreakdown", {
							authors: n(data.ideaBreakdown.authors),
							commenters: n(data.ideaBreakdown.commenters),
							supporters: n(data.ideaBreakdown.supporters),
						})}
					</p>
				)}
			</section>
			<Breakdown ctx={ctx} id="locality" title={t("participation.byLocality")} rows={data.byLocality} />
			<Breakdown ctx={ctx} id="ageband" title={t("participation.byAgeBand")} rows={data.byAgeBand} />
			<section aria-labelledby="months-title">
				<h2 id="months-title">{t("participation.overTime")}</h2>
				{chart && <Chart svg={chart} />}
				<TableScroll label={t("participation.monthsCaption")}>
				<table>
					<caption>{t("participation.monthsCaption")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("participation.col.month")}</th>
							<th scope="col">{t("participation.col.surveyAnswers")}</th>
							<th scope="col">{t("participation.col.workshopHeadcount")}</th>
							<th scope="col">{t("participation.col.ideaPeople")}</th>
							<th scope="col">{t("participation.col.total")}</th>
						</tr>
					</thead>
					<tbody>
						{data.months.map((m) => (
							<tr key={m.month}>
								<th scope="row">{formatMonth(lang, m.month)}</th>
								<td>{n(m.surveys)}</td>
								<td>{n(m.workshops)}</td>
								<td>{n(m.ideas)}</td>
								<td>{n(m.total)}</td>
							</tr>
						))}
					</tbody>
				</table>
				</TableScroll>
			</section>
			<section aria-labelledby="rules-title">
				<h2 id="rules-title">{t("participation.rules.title")}</h2>
				<ul>
					{["signedIn", "anonymous", "paper", "headcount", "several", "total", "population", "breakdown"].map((k) => (
						<li key={k}>{t(`participation.rules.${k}`, { population: n(data.population), date: formatDate(lang, data.populationDate) })}</li>
					))}
				</ul>
			</section>
		</>
	);
}

/** The months as a stacked chart (surveys, workshops, ideas), named as the table of the same figures is. */
export function participationChart(t: PageContext["t"], lang: Lang, months: MonthRow[]): Promise<ChartSvg | null> {
	const part = (key: string, value: (m: MonthRow) => number) => ({ name: t(key), months: months.map((m) => ({ month: m.month, value: value(m) })) });
	return monthChart({
		label: t("participation.monthsCaption"),
		monthName: (month) => formatMonth(lang, month, "short"),
		series: [part("participation.col.surveyAnswers", (m) => m.surveys), part("participation.col.workshopHeadcount", (m) => m.workshops), part("participation.col.ideaPeople", (m) => m.ideas)],
	});
}
