import { formatDate, formatNumber, type Lang, type T } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { barChart, type ChartSvg } from "../../ui/charts.js";
import { Chart, Downloads, TableScroll } from "../../ui/components.js";
import type { QuestionWithOptions, Survey } from "./surveys.repo.js";
import type { QuestionResult } from "./surveys.results.js";

function ResultTable({ ctx, result }: { ctx: PageContext; result: QuestionResult }) {
	const { t, lang } = ctx;
	const ranking = result.question.kind === "ranking";
	return (
		<TableScroll label={result.question.text}>
			<table>
				<caption>{result.question.text}</caption>
				<thead>
					<tr>
						<th scope="col">{t("survey.results.option")}</th>
						<th scope="col">{t(ranking ? "survey.results.firstPlace" : "survey.results.count")}</th>
						<th scope="col">{t("survey.results.share")}</th>
						{ranking && <th scope="col">{t("survey.results.averageRank")}</th>}
					</tr>
				</thead>
				<tbody>
					{result.rows.map((r, i) => {
						const average = ranking ? result.averageRank?.get(result.question.options[i]!.id) : undefined;
						return (
							<tr key={i}>
								<th scope="row">{r.label}</th>
								<td>{formatNumber(lang, r.count)}</td>
								<td>{`${formatNumber(lang, r.share * 100, 1)} %`}</td>
								{ranking && <td>{average === undefined ? "–" : formatNumber(lang, average, 2)}</td>}
							</tr>
						);
					})}
				</tbody>
			</table>
		</TableScroll>
	);
}

/** The coordinator's results: per question a count, shares, a chart and the same numbers as a table; exports. */
export function ResultsPage(props: { ctx: PageContext; survey: Survey; answers: number; paper: number; results: QuestionResult[]; freshSeconds: number; charts: (ChartSvg | null)[] }) {
	const { ctx, survey } = props;
	const { t, lang } = ctx;
	const base = `/admin/enkater/${survey.id}`;
	return (
		<>
			<p>
				<a href={base}>{t("survey.admin.backToSurvey")}</a>
			</p>
			<h1>{t("survey.results.title", { title: survey.title })}</h1>
			<p>
				{t("survey.results.summary", { answers: formatNumber(lang, props.answers), paper: formatNumber(lang, props.paper) })}
				{props.freshSeconds > 0 && ` ${t("survey.results.fresh", { seconds: props.freshSeconds })}`}
			</p>
			<p class="notice">{t(survey.anonymous ? "survey.results.anonymousNote" : "survey.results.signedInNote")}</p>
			<Downloads ctx={ctx} xlsx={`${base}/export.xlsx`} csvExcel={`${base}/export.csv?sep=semicolon`} csv={`${base}/export.csv`} />
			<p>
				<a href={`${base}/export.json`}>{t("survey.results.json")}</a>
			</p>
			{props.results.map((r, i) => (
				<section key={r.question.id} aria-labelledby={`result-${i}`}>
					<h2 id={`result-${i}`}>{r.question.text}</h2>
					<p>{t("survey.results.answered", { count: formatNumber(lang, r.answered) })}</p>
					{r.rows.length > 0 && (
						<>
							{props.charts[i] && <Chart svg={props.charts[i]} />}
							<ResultTable ctx={ctx} result={r} />
						</>
					)}
					{(r.rows.length === 0 || r.question.allowOther) && (
						<p>
							<a href={`${base}/fritext?fraga=${r.question.id}`}>{t("survey.results.freeTexts")}</a>
						</p>
					)}
				</section>
			))}
		</>
	);
}

/** Free-text answers of one question, with a search field and filters by background answers (a GET form). */
export function FreeTextsPage(props: {
	ctx: PageContext;
	survey: Survey;
	textual: QuestionWithOptions[];
	question: QuestionWithOptions | undefined;
	filters: QuestionWithOptions[];
	chosen: { questionId: string; optionId: string }[];
	search: string;
	rows: { id: string; text: string; submittedOn: string; channel: "web" | "paper" }[];
	total: number;
}) {
	const { ctx, survey } = props;
	const { t, lang } = ctx;
	const base = `/admin/enkater/${survey.id}`;
	return (
		<>
			<p>
				<a href={`${base}/resultat`}>{t("survey.admin.results")}</a>
			</p>
			<h1>{t("survey.texts.title", { title: survey.title })}</h1>
			<form method="get" action={`${base}/fritext`} class="filter-form">
				<div class="field">
					<label for="field-fraga">{t("survey.texts.question")}</label>
					<select id="field-fraga" name="fraga">
						{props.textual.map((q) => (
							<option key={q.id} value={q.id} selected={q.id === props.question?.id}>
								{q.text}
							</option>
						))}
					</select>
				</div>
				<div class="field">
					<label for="field-q">{t("survey.texts.search")}</label>
					<input type="search" id="field-q" name="q" value={props.search} maxLength={200} />
				</div>
				{props.filters.map((f) => {
					const current = props.chosen.find((c) => c.questionId === f.id)?.optionId ?? "";
					return (
						<div class="field" key={f.id}>
							<label for={`field-bg_${f.id}`}>{f.text}</label>
							<select id={`field-bg_${f.id}`} name={`bg_${f.id}`}>
								<option value="">{t("survey.texts.all")}</option>
								{f.options.map((o) => (
									<option key={o.id} value={o.id} selected={o.id === current}>
										{o.label}
									</option>
								))}
							</select>
						</div>
					);
				})}
				<button type="submit">{t("survey.texts.filter")}</button>
			</form>
			<p role="status">
				{t("survey.texts.found", { count: formatNumber(lang, props.total) })} {props.total > props.rows.length && t("survey.texts.shownFirst", { count: props.rows.length })}
			</p>
			{props.rows.length === 0 ? (
				<p>{t("survey.texts.none")}</p>
			) : (
				<ul class="free-texts">
					{props.rows.map((r) => (
						<li key={r.id}>
							<p>{r.text}</p>
							<p class="hint">{t("survey.texts.meta", { day: formatDate(lang, r.submittedOn), channel: t(`survey.channel.${r.channel}`) })}</p>
						</li>
					))}
				</ul>
			)}
		</>
	);
}

/** Each question's answers as a bar chart with every option in full, its count and share at the bar's end. */
export function resultCharts(t: T, lang: Lang, results: QuestionResult[]): Promise<(ChartSvg | null)[]> {
	return Promise.all(
		results.map((r) =>
			r.rows.length === 0
				? null
				: barChart({
						label: t("survey.results.chart", { question: r.question.text }),
						rows: r.rows.map((row) => ({ label: row.label, value: row.count, text: `${formatNumber(lang, row.count)} (${formatNumber(lang, row.share * 100, 1)} %)` })),
						format: (n) => formatNumber(lang, n),
					}),
		),
	);
}
