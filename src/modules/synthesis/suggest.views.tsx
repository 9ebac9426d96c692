import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Downloads } from "../../ui/components.js";
import { ErrorSummary, SelectField, TextArea, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import { inputSources } from "../inputs/index.js";
import { maxThemes } from "./suggest.input.js";
import { suggestionScopes } from "./suggest.schema.js";
import { minExamples, type suggestionsPage } from "./suggest.service.js";
import { ChoosableInputs } from "./synthesis.views.js";

type Data = Awaited<ReturnType<typeof suggestionsPage>>;
type Suggestion = Data["suggestions"][number];
type Run = NonNullable<Data["run"]>;

/** Which form on the page a refused submission came from: the start form, a suggestion's, or assisted tagging's. */
export type FailedForm = { form: FormState; of: "start" | "assist" | "confirm" | "above" | string };

const empty = formState();

function Hidden({ ctx }: { ctx: PageContext }) {
	return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/**
 * A run's state in words (the live region: it changes once, when the run ends), with a progress bar while it works.
 * The region around it refreshes itself while the run works (public/refresh.js); without JavaScript, a link reloads.
 */
function RunStatus({ ctx, run, id }: { ctx: PageContext; run: Run; id: string }) {
	const { t, lang } = ctx;
	const share = Math.round(run.progress * 100);
	return (
		<>
			<p role="status">{t(`synthesis.suggest.status.${run.status}`, { n: formatNumber(lang, run.inputCount), at: formatDateTime(lang, run.startedAt) })}</p>
			{run.status === "running" && (
				<p>
					<label for={`${id}-progress`}>{t("synthesis.suggest.progress")}</label>{" "}
					<progress id={`${id}-progress`} max={100} value={share}>
						{share} %
					</progress>{" "}
					<a href="/analys/forslag">{t("synthesis.import.reload")}</a>
				</p>
			)}
		</>
	);
}

/** How often, in seconds, a region showing a working run fetches itself again. */
const refreshSeconds = (run: Run | undefined) => (run?.status === "running" ? "2" : undefined);

function ExportLinks({ ctx, run }: { ctx: PageContext; run: Run }) {
	const { t } = ctx;
	const base = `/analys/forslag/korningar/${run.id}`;
	return (
		<>
			<p>{t("synthesis.suggest.export")}</p>
			<Downloads ctx={ctx} xlsx={`${base}.xlsx`} csvExcel={`${base}.csv?sep=semicolon`} csv={`${base}.csv`} />
			<p>
				<a href={`/api/v1/suggestion-runs/${run.id}`}>{t("synthesis.suggest.export.json")}</a>
			</p>
		</>
	);
}

/** The suggestions page: start a run, read and act on its suggested themes, and tag with assistance. */
export function SuggestionsPage({ ctx, data, failed }: { ctx: PageContext; data: Data; failed?: FailedForm }) {
	const { t, lang } = ctx;
	const formOf = (of: string) => (failed?.of === of ? failed.form : undefined);
	const start = formOf("start") ?? formState({ scope: "all", seed: "1" });
	const open = data.suggestions.filter((s) => s.status === "open");
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{t("synthesis.suggest.title")}</h1>
			<p class="lead">{t("synthesis.suggest.intro")}</p>
			<section aria-labelledby="suggest-start">
				<h2 id="suggest-start">{t("synthesis.suggest.start")}</h2>
				<form method="post" action="/analys/forslag" novalidate>
					<Hidden ctx={ctx} />
					<ErrorSummary ctx={ctx} form={start} labels={{ scope: t("synthesis.suggest.field.scope"), source: t("synthesis.suggest.field.source"), question: t("synthesis.suggest.field.question"), k: t("synthesis.suggest.field.k"), seed: t("synthesis.suggest.field.seed") }} />
					<SelectField ctx={ctx} form={start} name="scope" label={t("synthesis.suggest.field.scope")} required options={suggestionScopes.map((s) => ({ value: s, label: t(`synthesis.suggest.scope.${s}`) }))} />
					<SelectField ctx={ctx} form={start} name="source" label={t("synthesis.suggest.field.source")} hint={t("synthesis.suggest.field.source.hint")} options={inputSources.map((s) => ({ value: s, label: t(`input.source.${s}`) }))} />
					<SelectField ctx={ctx} form={start} name="question" label={t("synthesis.suggest.field.question")} hint={t("synthesis.suggest.field.question.hint")} options={data.questions.map((q) => ({ value: q, label: q }))} />
					<TextField ctx={ctx} form={start} name="k" label={t("synthesis.suggest.field.k")} hint={t("synthesis.suggest.field.k.hint", { max: maxThemes })} inputmode="numeric" />
					<TextField ctx={ctx} form={start} name="seed" label={t("synthesis.suggest.field.seed")} hint={t("synthesis.suggest.field.seed.hint")} inputmode="numeric" />
					<button type="submit">{t("synthesis.suggest.submit")}</button>
				</form>
			</section>
			{data.run && (
				<section aria-labelledby="suggest-run" id="run-themes" data-refresh={refreshSeconds(data.run)}>
					<h2 id="suggest-run">{t("synthesis.suggest.latest")}</h2>
					<RunStatus ctx={ctx} run={data.run} id="run-themes" />
					{data.run.status === "done" && (
						<>
							<p>{t("synthesis.suggest.summary", { k: formatNumber(lang, data.suggestions.length), open: formatNumber(lang, open.length) })}</p>
							<ExportLinks ctx={ctx} run={data.run} />
							{data.suggestions.map((s) => (
								<SuggestionCard key={s.id} ctx={ctx} s={s} others={open.filter((o) => o.id !== s.id)} form={formOf(s.id)} />
							))}
						</>
					)}
				</section>
			)}
			<AssistSection ctx={ctx} data={data} failed={failed} />
			<script src="/static/refresh.js" defer />
		</>
	);
}

function SuggestionCard({ ctx, s, others, form }: { ctx: PageContext; s: Suggestion; others: Suggestion[]; form?: FormState }) {
	const { t, lang } = ctx;
	const headingId = `suggestion-${s.id}`;
	const values = form ?? formState({ name: s.name });
	return (
		<article class="card" aria-labelledby={headingId}>
			<h3 id={headingId}>{s.name}</h3>
			<p>
				{t("synthesis.suggest.size", { n: formatNumber(lang, s.size) })} · {t(`synthesis.suggest.state.${s.status}`)}
			</p>
			{s.words.length > 0 && (
				<p>
					{t("synthesis.suggest.words")}: {s.words.join(", ")}
				</p>
			)}
			{s.quotes.length > 0 && (
				<>
					<p>{t("synthesis.suggest.quotes")}</p>
					<ul>
						{s.quotes.map((q) => (
							<li key={q.id}>
								<q>{q.text}</q>
							</li>
						))}
					</ul>
				</>
			)}
			{s.status === "accepted" && s.themeId && (
				<p>
					<a href={`/analys/teman/${s.themeId}`}>{t("synthesis.suggest.toTheme", { name: s.name })}</a>
				</p>
			)}
			{s.status === "open" && (
				<>
					<form method="post" action={`/analys/forslag/${s.id}/godta`} novalidate aria-label={t("synthesis.suggest.acceptForm", { name: s.name })}>
						<Hidden ctx={ctx} />
						{form && <ErrorSummary ctx={ctx} form={form} labels={{ name: t("synthesis.field.name"), description: t("synthesis.field.description"), targetId: t("synthesis.suggest.field.target") }} />}
						<TextField ctx={ctx} form={values} name="name" label={t("synthesis.field.name")} required maxLength={120} />
						<TextArea ctx={ctx} form={values} name="description" label={t("synthesis.field.description")} rows={2} />
						<button type="submit">{t("synthesis.suggest.accept")}</button>{" "}
						<button type="submit" class="secondary" formaction={`/analys/forslag/${s.id}/byt-namn`}>
							{t("synthesis.suggest.rename")}
						</button>{" "}
						<button type="submit" class="secondary" formaction={`/analys/forslag/${s.id}/avvisa`}>
							{t("synthesis.suggest.reject")}
						</button>
					</form>
					{others.length > 0 && (
						<form method="post" action={`/analys/forslag/${s.id}/sla-ihop`} novalidate aria-label={t("synthesis.suggest.mergeForm", { name: s.name })}>
							<Hidden ctx={ctx} />
							<SelectField ctx={ctx} form={values} name="targetId" label={t("synthesis.suggest.field.target")} options={others.map((o) => ({ value: o.id, label: o.name }))} />
							<button type="submit" class="secondary">
								{t("synthesis.suggest.merge")}
							</button>
						</form>
					)}
				</>
			)}
		</article>
	);
}

function AssistSection({ ctx, data, failed }: { ctx: PageContext; data: Data; failed?: FailedForm }) {
	const { t, lang } = ctx;
	const run = data.assistRun;
	const confirm = failed?.of === "confirm" ? failed.form : empty;
	const above = failed?.of === "above" ? failed.form : formState({ threshold: "80" });
	return (
		<section aria-labelledby="assist">
			<h2 id="assist">{t("synthesis.assist.title")}</h2>
			<p>{t("synthesis.assist.intro", { n: minExamples, ready: formatNumber(lang, data.readyThemes.length) })}</p>
			{data.taggedSince > 0 && <p>{t("synthesis.assist.since", { n: formatNumber(lang, data.taggedSince) })}</p>}
			<form method="post" action="/analys/forslag/assistans" novalidate>
				<Hidden ctx={ctx} />
				{failed?.of === "assist" && <ErrorSummary ctx={ctx} form={failed.form} labels={{}} />}
				<button type="submit">{t("synthesis.assist.submit")}</button>
			</form>
			{run && (
				<div id="run-assist" data-refresh={refreshSeconds(run)}>
					<RunStatus ctx={ctx} run={run} id="run-assist" />
					{run.status === "done" && <AssistGuesses ctx={ctx} data={data} run={run} confirm={confirm} above={above} />}
				</div>
			)}
		</section>
	);
}

/** A finished assist run: its export, confirming all confident guesses at once, and the guesses to confirm or correct. */
function AssistGuesses({ ctx, data, run, confirm, above }: { ctx: PageContext; data: Data; run: Run; confirm: FormState; above: FormState }) {
	const { t, lang } = ctx;
	return (
				<>
					<ExportLinks ctx={ctx} run={run} />
					{data.guesses.length === 0 ? (
						<p>{t("synthesis.assist.none")}</p>
					) : (
						<>
						<form method="post" action="/analys/forslag/assistans/bekrafta-over" novalidate aria-labelledby="assist-above">
							<h3 id="assist-above">{t("synthesis.assist.above.title")}</h3>
							<Hidden ctx={ctx} />
							<input type="hidden" name="runId" value={run.id} />
							<ErrorSummary ctx={ctx} form={above} labels={{ threshold: t("synthesis.assist.above.field") }} />
							<TextField ctx={ctx} form={above} name="threshold" label={t("synthesis.assist.above.field")} hint={t("synthesis.assist.above.hint")} inputmode="numeric" required />
							<button type="submit">{t("synthesis.assist.above.submit")}</button>
						</form>
						<form method="post" action="/analys/forslag/assistans/bekrafta" novalidate>
							<Hidden ctx={ctx} />
							<input type="hidden" name="runId" value={run.id} />
							<ErrorSummary ctx={ctx} form={confirm} labels={{ inputIds: t("synthesis.col.text"), themeId: t("synthesis.field.theme") }} />
							{confirm.errors.inputIds && (
								<p class="field-error" id="error-inputIds">
									{translateMsg(t, confirm.errors.inputIds)}
								</p>
							)}
							<ChoosableInputs
								ctx={ctx}
								caption={t("synthesis.assist.table", { n: formatNumber(lang, data.guesses.length) })}
								columns={[t("synthesis.assist.col.theme"), t("synthesis.assist.col.confidence")]}
								rows={data.guesses.map((g) => ({ id: g.inputId, text: g.text, cells: [g.suggestion, `${formatNumber(lang, Math.round(g.score * 100))} %`] }))}
							/>
							<fieldset>
								<legend>{t("synthesis.tag.actions")}</legend>
								<button type="submit">{t("synthesis.assist.confirm")}</button>
								<SelectField ctx={ctx} form={confirm} name="themeId" label={t("synthesis.assist.correctTo")} options={data.themes.map((th) => ({ value: th.id, label: th.name }))} />
								<button type="submit" class="secondary" formaction="/analys/forslag/assistans/ratta">
									{t("synthesis.assist.correct")}
								</button>
							</fieldset>
						</form>
						</>
					)}
				</>
	);
}
