import type { ComponentChildren } from "preact";
import { formatDate, formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { ErrorSummary } from "../../ui/form.js";
import { translateMsg } from "../../ui/messages.js";
import { Paragraphs } from "../../ui/text.js";
import { type AnswerState, fieldName, otherValue } from "./surveys.answers.js";
import type { QuestionWithOptions, Section, Survey } from "./surveys.repo.js";
import type { AnswerProblem } from "./surveys.service.js";

/** The opening and closing times of a survey in Swedish time, as one line. */
export function SurveyTimes({ ctx, survey }: { ctx: PageContext; survey: Survey }) {
	const parts = [
		survey.opensAt && ctx.t("survey.opens", { at: formatDateTime(ctx.lang, survey.opensAt) }),
		survey.closesAt && ctx.t("survey.closes", { at: formatDateTime(ctx.lang, survey.closesAt) }),
	].filter(Boolean);
	return parts.length ? <p class="survey-times">{parts.join(" · ")}</p> : null;
}

/** The public list of surveys. */
export function SurveyListPage({ ctx, surveys }: { ctx: PageContext; surveys: Survey[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("survey.list.title")}</h1>
			<p>{t("survey.list.intro")}</p>
			{surveys.length === 0 ? (
				<p>{t("survey.list.none")}</p>
			) : (
				<ul class="card-list">
					{surveys.map((s) => (
						<li key={s.id}>
							<h2>
								<a href={`/enkater/${s.id}`}>{s.title}</a>
							</h2>
							<p>{t(`survey.status.${s.status}`)}</p>
							<SurveyTimes ctx={ctx} survey={s} />
						</li>
					))}
				</ul>
			)}
		</>
	);
}

const labelsOf = (questions: QuestionWithOptions[]) =>
	Object.fromEntries(questions.flatMap((q) => [[fieldName(q.id), q.text], [fieldName(q.id, otherValue), q.text]]));

function Need({ ctx, required }: { ctx: PageContext; required: boolean }) {
	return <span class="field-need"> ({ctx.t(required ? "form.required" : "form.optional")})</span>;
}

function FieldError({ ctx, state, name }: { ctx: PageContext; state: AnswerState; name: string }) {
	const error = state.errors[name];
	return error ? (
		<p class="field-error" id={`error-${name}`}>
			{translateMsg(ctx.t, error)}
		</p>
	) : null;
}

function conditionText(ctx: PageContext, q: QuestionWithOptions, questions: QuestionWithOptions[]): string | null {
	const parent = questions.find((p) => p.id === q.showIfQuestionId);
	const option = parent?.options.find((o) => o.id === q.showIfOptionId);
	return parent && option ? ctx.t("survey.condition", { question: parent.text, option: option.label }) : null;
}

/** One question of the web form, as the right kind of field, with its help, limits, condition and error. */
function QuestionField({ ctx, q, questions, state }: { ctx: PageContext; q: QuestionWithOptions; questions: QuestionWithOptions[]; state: AnswerState }) {
	const { t } = ctx;
	const name = fieldName(q.id);
	const values = state.values[name] ?? [];
	const invalid = Boolean(state.errors[name]);
	const hints = [q.help, q.kind === "short_text" || q.kind === "long_text" ? t("survey.maxLength", { max: q.maxLength }) : "", q.kind === "multiple" && q.maxChoices ? t("survey.maxChoices", { max: q.maxChoices }) : "", q.kind === "ranking" ? t("survey.rankHint") : ""].filter(Boolean);
	const condition = conditionText(ctx, q, questions);
	const describedBy = [hints.length ? `hint-${name}` : "", invalid ? `error-${name}` : "", condition ? `cond-${name}` : ""].filter(Boolean).join(" ") || undefined;
	const Hints = () => (
		<>
			{condition && (
				<p class="hint survey-condition" id={`cond-${name}`}>
					{condition}
				</p>
			)}
			{hints.length > 0 && (
				<p class="hint" id={`hint-${name}`}>
					{hints.join(" ")}
				</p>
			)}
			<FieldError ctx={ctx} state={state} name={name} />
		</>
	);
	const wrap = (children: ComponentChildren) => (
		<div
			class={invalid ? "field field-invalid survey-question" : "field survey-question"}
			data-show-if={q.showIfQuestionId ? fieldName(q.showIfQuestionId) : undefined}
			data-show-value={q.showIfOptionId ?? undefined}
		>
			{children}
		</div>
	);
	if (q.kind === "short_text" || q.kind === "long_text") {
		const common = { id: `field-${name}`, name, maxLength: q.maxLength, "aria-invalid": invalid ? ("true" as const) : undefined, "aria-describedby": describedBy };
		return wrap(
			<>
				<label for={`field-${name}`}>
					{q.text}
					<Need ctx={ctx} required={q.required} />
				</label>
				<Hints />
				{q.kind === "short_text" ? <input type="text" {...common} value={values[0] ?? ""} /> : <textarea rows={5} {...common}>{values[0] ?? ""}</textarea>}
			</>,
		);
	}
	const choices =
		q.kind === "rating"
			? [1, 2, 3, 4, 5].map((v) => ({
					value: String(v),
					label: v === 1 && q.lowLabel ? t("survey.ratingEnd", { value: v, label: q.lowLabel }) : v === 5 && q.highLabel ? t("survey.ratingEnd", { value: v, label: q.highLabel }) : String(v),
				}))
			: q.options.map((o) => ({ value: o.id, label: o.label }));
	if (q.kind === "ranking") {
		return wrap(
			<fieldset aria-describedby={describedBy}>
				<legend>
					{q.text}
					<Need ctx={ctx} required={q.required} />
				</legend>
				<Hints />
				{q.options.map((o, i) => {
					const id = i === 0 ? `field-${name}` : `field-${fieldName(q.id, o.id)}`;
					const current = state.values[fieldName(q.id, o.id)]?.[0] ?? "";
					return (
						<div class="rank-row" key={o.id}>
							<select id={id} name={fieldName(q.id, o.id)} aria-invalid={invalid ? "true" : undefined}>
								<option value="">–</option>
								{q.options.map((_, n) => (
									<option key={n} value={String(n + 1)} selected={current === String(n + 1)}>
										{n + 1}
									</option>
								))}
							</select>{" "}
							<label for={id}>{o.label}</label>
						</div>
					);
				})}
			</fieldset>,
		);
	}
	const type = q.kind === "multiple" ? "checkbox" : "radio";
	const otherName = fieldName(q.id, otherValue);
	return wrap(
		<fieldset aria-describedby={describedBy} class={q.kind === "rating" ? "rating" : undefined}>
			<legend>
				{q.text}
				<Need ctx={ctx} required={q.required} />
			</legend>
			<Hints />
			{[...choices, ...(q.allowOther ? [{ value: otherValue, label: t("survey.other") }] : [])].map((c, i) => (
				<div class="choice" key={c.value}>
					<input type={type} id={i === 0 ? `field-${name}` : `field-${name}-${i}`} name={name} value={c.value} checked={values.includes(c.value)} aria-invalid={invalid ? "true" : undefined} />{" "}
					<label for={i === 0 ? `field-${name}` : `field-${name}-${i}`}>{c.label}</label>
				</div>
			))}
			{q.allowOther && (
				<div class={state.errors[otherName] ? "field field-invalid" : "field"}>
					<label for={`field-${otherName}`}>{t("survey.otherText")}</label>
					<FieldError ctx={ctx} state={state} name={otherName} />
					<input type="text" id={`field-${otherName}`} name={otherName} maxLength={200} value={state.values[otherName]?.[0] ?? ""} aria-invalid={state.errors[otherName] ? "true" : undefined} />
				</div>
			)}
		</fieldset>,
	);
}

function PrivacyNote({ ctx, survey }: { ctx: PageContext; survey: Survey }) {
	const { t, lang } = ctx;
	const text = survey.anonymous
		? t("survey.privacy.anonymous")
		: survey.retainUntil
			? t("survey.privacy.signedIn", { date: formatDate(lang, survey.retainUntil) })
			: t("survey.privacy.signedInNoDate");
	return (
		<>
			<p class="privacy-note">{text}</p>
			<p class="privacy-note">{t(survey.publishQuotes ? "survey.privacy.quotes" : "survey.privacy.noQuotes")}</p>
		</>
	);
}

/** Groups questions under their sections' headings. */
function Sections({ sections, questions, render }: { sections: Section[]; questions: QuestionWithOptions[]; render: (q: QuestionWithOptions) => ComponentChildren }) {
	return (
		<>
			{sections.map((s) => {
				const mine = questions.filter((q) => q.sectionId === s.id);
				if (mine.length === 0) return null;
				return (
					<section key={s.id} aria-labelledby={`section-${s.id}`}>
						<h2 id={`section-${s.id}`}>{s.title}</h2>
						{s.description && <p>{s.description}</p>}
						{mine.map(render)}
					</section>
				);
			})}
		</>
	);
}

/** A survey for a resident to answer; on a problem it comes back with everything typed and a message per question. */
export function AnswerPage(props: {
	ctx: PageContext;
	survey: Survey;
	sections: Section[];
	questions: QuestionWithOptions[];
	open: boolean;
	previousOn: string | null;
	state: AnswerState;
	problem?: AnswerProblem;
	/** The problem's message when it says more than its kind (from when to send again), as made by msg(). */
	problemMessage?: string;
}) {
	const { ctx, survey, questions, state } = props;
	const { t, lang } = ctx;
	const needsSignIn = !survey.anonymous && !ctx.viewer;
	return (
		<>
			<p>
				<a href="/enkater">{t("survey.back")}</a>
			</p>
			<h1>{survey.title}</h1>
			<SurveyTimes ctx={ctx} survey={survey} />
			<Paragraphs text={survey.intro} />
			{props.problem && props.problem !== "invalid" && (
				<div class="error-summary" role="alert">
					<p>{translateMsg(t, props.problemMessage ?? `survey.problem.${props.problem}`)}</p>
				</div>
			)}
			{!props.open && !props.problem && <p class="notice">{t("survey.closedNote")}</p>}
			{needsSignIn && (
				<p class="notice">
					{t("survey.signInToAnswer")} <a href={`/sign-in?next=${encodeURIComponent(`/enkater/${survey.id}`)}`}>{t("survey.signInLink")}</a>
				</p>
			)}
			{props.previousOn && <p class="notice">{t("survey.previous", { date: formatDate(lang, props.previousOn) })}</p>}
			{(props.open || props.problem) && (!needsSignIn || props.problem) && (
				<form method="post" action={`/enkater/${survey.id}`} novalidate class="survey-form">
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					{props.problem === "invalid" && <p>{t("survey.problem.invalid")}</p>}
					<ErrorSummary ctx={ctx} form={{ values: {}, errors: state.errors }} labels={labelsOf(questions)} />
					<PrivacyNote ctx={ctx} survey={survey} />
					<Sections sections={props.sections} questions={questions} render={(q) => <QuestionField key={q.id} ctx={ctx} q={q} questions={questions} state={state} />} />
					<div class="hp">
						<label for="field-website">{t("survey.honeypot")}</label>
						<input type="text" id="field-website" name="website" tabindex={-1} autocomplete="off" />
					</div>
					{props.previousOn || props.problem === "already" ? <input type="hidden" name="replace" value="1" /> : null}
					<button type="submit">{props.problem === "already" ? t("survey.replace") : props.previousOn ? t("survey.sendChanged") : t("survey.send")}</button>
				</form>
			)}
			<script src="/static/surveys.js" defer />
		</>
	);
}

/** After answering. */
export function ThanksPage({ ctx, survey }: { ctx: PageContext; survey: Survey }) {
	return (
		<>
			<h1>{ctx.t("survey.thanks.title")}</h1>
			<p>{ctx.t("survey.thanks.text")}</p>
			<p>
				<a href="/enkater">{ctx.t("survey.back")}</a> · <a href={`/enkater/${survey.id}`}>{survey.title}</a>
			</p>
		</>
	);
}

/** The official's keyboard form for paper answers: one text field per question, options typed as numbers. */
export function PaperPage(props: { ctx: PageContext; survey: Survey; sections: Section[]; questions: QuestionWithOptions[]; state: AnswerState; paperAnswers: number }) {
	const { ctx, survey, questions, state } = props;
	const { t, lang } = ctx;
	const first = questions[0]?.id;
	return (
		<>
			<p>
				<a href={`/admin/enkater/${survey.id}`}>{t("survey.admin.backToSurvey")}</a>
			</p>
			<h1>{t("survey.paper.title", { title: survey.title })}</h1>
			<p>{t("survey.paper.intro")}</p>
			<p class="privacy-note">{t("survey.privacy.paper")}</p>
			<p role="status">{t("survey.paper.count", { count: formatNumber(lang, props.paperAnswers) })}</p>
			<form method="post" action={`/admin/enkater/${survey.id}/papper`} novalidate class="paper-form">
				<input type="hidden" name="_csrf" value={ctx.csrfToken} />
				<ErrorSummary ctx={ctx} form={{ values: {}, errors: state.errors }} labels={labelsOf(questions)} />
				<Sections
					sections={props.sections}
					questions={questions}
					render={(q) => {
						const name = fieldName(q.id);
						const invalid = Boolean(state.errors[name]);
						const hint =
							q.kind === "rating"
								? t("survey.paper.scale", { low: q.lowLabel, high: q.highLabel })
								: q.options.length
									? t("survey.paper.numbers", { list: q.options.map((o, i) => `${i + 1} = ${o.label}`).join(", ") })
									: t("survey.maxLength", { max: q.maxLength });
						const otherName = fieldName(q.id, otherValue);
						return (
							<div key={q.id} class={invalid ? "field field-invalid" : "field"}>
								<label for={`field-${name}`}>
									{q.text}
									<Need ctx={ctx} required={q.required} />
								</label>
								<p class="hint" id={`hint-${name}`}>
									{[conditionText(ctx, q, questions), hint].filter(Boolean).join(" ")}
								</p>
								<FieldError ctx={ctx} state={state} name={name} />
								{q.kind === "long_text" ? (
									<textarea id={`field-${name}`} name={name} rows={3} maxLength={q.maxLength} aria-describedby={`hint-${name}`} aria-invalid={invalid ? "true" : undefined}>
										{state.values[name]?.[0] ?? ""}
									</textarea>
								) : (
									<input
										type="text"
										id={`field-${name}`}
										name={name}
										inputMode={q.options.length || q.kind === "rating" ? "numeric" : undefined}
										maxLength={q.maxLength}
										autofocus={q.id === first}
										value={state.values[name]?.[0] ?? ""}
										aria-describedby={`hint-${name}`}
										aria-invalid={invalid ? "true" : undefined}
									/>
								)}
								{q.allowOther && (
									<>
										<label for={`field-${otherName}`}>{t("survey.otherText")}</label>
										<FieldError ctx={ctx} state={state} name={otherName} />
										<input type="text" id={`field-${otherName}`} name={otherName} maxLength={200} value={state.values[otherName]?.[0] ?? ""} />
									</>
								)}
							</div>
						);
					}}
				/>
				<button type="submit">{t("survey.paper.saveNext")}</button>
			</form>
		</>
	);
}
