import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { CheckboxField, Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { questionKinds } from "./surveys.schema.js";
import type { QuestionWithOptions, Section, Survey } from "./surveys.repo.js";
import type { HistoryEntry } from "./surveys.service.js";
import { SurveyTimes } from "./surveys.views.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

function PostButton({ ctx, action, label, name, value }: { ctx: PageContext; action: string; label: string; name?: string; value?: string }) {
	return (
		<form method="post" action={action} class="inline-form">
			<input type="hidden" name="_csrf" value={ctx.csrfToken} />
			{name && <input type="hidden" name={name} value={value} />}
			<button type="submit" class="secondary">
				{label}
			</button>
		</form>
	);
}

/** The survey settings fields, for a new survey and for changing one. */
function SettingsForm({ ctx, form, action }: { ctx: PageContext; form: FormState; action: string }) {
	const { t } = ctx;
	const labels = Object.fromEntries(["title", "intro", "anonymous", "publishQuotes", "opensAt", "closesAt", "retainUntil"].map((n) => [n, t(`survey.field.${n}`)]));
	return (
		<Form ctx={ctx} form={form} action={action} labels={labels}>
			<TextField ctx={ctx} form={form} name="title" label={labels.title!} maxLength={200} required />
			<TextArea ctx={ctx} form={form} name="intro" label={labels.intro!} rows={4} maxLength={4000} />
			<SelectField
				ctx={ctx}
				form={form}
				name="anonymous"
				label={labels.anonymous!}
				required
				options={["true", "false"].map((v) => ({ value: v, label: t(`survey.field.anonymous.${v}`) }))}
			/>
			<CheckboxField ctx={ctx} form={form} name="publishQuotes" label={labels.publishQuotes!} hint={t("survey.field.publishQuotes.hint")} />
			<p class="hint">{t("survey.admin.times")}</p>
			<TextField ctx={ctx} form={form} name="opensAt" label={labels.opensAt!} hint={t("survey.field.dateTime.hint")} type={"datetime-local" as "date"} />
			<TextField ctx={ctx} form={form} name="closesAt" label={labels.closesAt!} hint={t("survey.field.dateTime.hint")} type={"datetime-local" as "date"} />
			<TextField ctx={ctx} form={form} name="retainUntil" label={labels.retainUntil!} hint={t("survey.field.retainUntil.hint")} type="date" />
		</Form>
	);
}

/** The coordinator's list of surveys and the form for a new one. */
export function AdminListPage({ ctx, surveys, form }: { ctx: PageContext; surveys: { survey: Survey; answers: number }[]; form: FormState }) {
	const { t, lang } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("admin.back")}</a>
			</p>
			<h1>{t("survey.admin.title")}</h1>
			<PageHelp ctx={ctx} page="surveys" />
			{surveys.length === 0 ? (
				<p>{t("survey.admin.none")}</p>
			) : (
				<TableScroll label={t("survey.admin.title")}>
					<table>
						<thead>
							<tr>
								<th scope="col">{t("survey.field.title")}</th>
								<th scope="col">{t("survey.admin.status")}</th>
								<th scope="col">{t("survey.admin.answers")}</th>
							</tr>
						</thead>
						<tbody>
							{surveys.map(({ survey, answers }) => (
								<tr key={survey.id}>
									<th scope="row">
										<a href={`/admin/enkater/${survey.id}`}>{survey.title}</a>
									</th>
									<td>{t(`survey.status.${survey.status}`)}</td>
									<td>{formatNumber(lang, answers)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<section aria-labelledby="new-survey">
				<h2 id="new-survey">{t("survey.admin.new")}</h2>
				<SettingsForm ctx={ctx} form={form} action="/admin/enkater" />
			</section>
		</>
	);
}

/** One survey for the coordinator: status, settings, sections and questions, and links to results and paper entry. */
export function SurveyAdminPage(props: {
	ctx: PageContext;
	survey: Survey;
	sections: Section[];
	questions: QuestionWithOptions[];
	answers: number;
	locked: boolean;
	form: FormState;
	sectionForm: FormState;
	reopenForm?: FormState;
	history: HistoryEntry[];
}) {
	const { ctx, survey, questions } = props;
	const { t, lang } = ctx;
	const base = `/admin/enkater/${survey.id}`;
	const next = { draft: "open", open: "closed", closed: null }[survey.status];
	return (
		<>
			<p>
				<a href="/admin/enkater">{t("survey.admin.back")}</a>
			</p>
			<h1>{survey.title}</h1>
			<p>
				{t("survey.admin.statusNow", { status: t(`survey.status.${survey.status}`) })}{" "}
				{next && <PostButton ctx={ctx} action={`${base}/status`} name="to" value={next} label={t(next === "open" ? "survey.admin.open" : "survey.admin.close")} />}
			</p>
			<SurveyTimes ctx={ctx} survey={survey} />
			{survey.status === "closed" && <ReopenForm ctx={ctx} form={props.reopenForm ?? formState()} action={`${base}/oppna-igen`} />}
			<ul class="link-list">
				<li>
					<a href={`/enkater/${survey.id}`}>{t("survey.admin.preview")}</a>
				</li>
				<li>
					<a href={`${base}/resultat`}>{t("survey.admin.results")}</a> ({formatNumber(lang, props.answers)})
				</li>
				{survey.status !== "draft" && (
					<li>
						<a href={`${base}/papper`}>{t("survey.admin.paper")}</a>
					</li>
				)}
			</ul>
			<History ctx={ctx} history={props.history} />
			{props.locked && <p class="notice">{t("survey.admin.lockedNote", { count: formatNumber(lang, props.answers) })}</p>}
			<section aria-labelledby="survey-questions">
				<h2 id="survey-questions">{t("survey.admin.sections")}</h2>
				{props.sections.map((s) => (
					<section key={s.id} aria-labelledby={`sec-${s.id}`}>
						<h3 id={`sec-${s.id}`}>
							{s.title} <a href={`${base}/delar/${s.id}`}>{t("survey.admin.editSection", { title: s.title })}</a>
						</h3>
						{questions.filter((q) => q.sectionId === s.id).length === 0 ? (
							<p>{t("survey.admin.noQuestions")}</p>
						) : (
							<ol>
								{questions
									.filter((q) => q.sectionId === s.id)
									.map((q) => {
										const parent = questions.find((p) => p.id === q.showIfQuestionId);
										const option = parent?.options.find((o) => o.id === q.showIfOptionId);
										return (
											<li key={q.id}>
												<a href={`${base}/fragor/${q.id}`}>{q.text}</a> – {t(`survey.admin.kind.${q.kind}`)}
												{q.required && `, ${t("survey.admin.required")}`}
												{parent && option && `, ${t("survey.admin.conditionShort", { question: parent.text, option: option.label })}`}
												{q.options.length > 0 && ` (${q.options.map((o) => o.label).join(", ")})`}
											</li>
										);
									})}
							</ol>
						)}
					</section>
				))}
				{!props.locked && (
					<p>
						<a class="button" href={`${base}/fragor/ny`}>
							{t("survey.admin.addQuestion")}
						</a>{" "}
						{!questions.some((q) => q.background) && <PostButton ctx={ctx} action={`${base}/bakgrund`} label={t("survey.admin.addBackground")} />}
					</p>
				)}
			</section>
			{!props.locked && (
				<section aria-labelledby="add-section">
					<h2 id="add-section">{t("survey.admin.addSection")}</h2>
					<SectionFields ctx={ctx} form={props.sectionForm} action={`${base}/delar`} />
				</section>
			)}
			<section aria-labelledby="survey-settings">
				<h2 id="survey-settings">{t("survey.admin.settings")}</h2>
				<SettingsForm ctx={ctx} form={props.form} action={base} />
			</section>
		</>
	);
}

/** Who opened, closed or reopened the survey and when, newest first. */
function History({ ctx, history }: { ctx: PageContext; history: HistoryEntry[] }) {
	const { t, lang } = ctx;
	const line = (e: HistoryEntry) => {
		const parts = [t(`survey.history.${e.kind}`)];
		if (e.kind !== "closed" && e.kind !== "closedAtClosingTime") {
			parts.push(e.closesAt ? t("survey.history.closesAt", { at: formatDateTime(lang, e.closesAt) }) : t("survey.history.noClosesAt"));
		}
		if (e.kind !== "closedAtClosingTime") parts.push(e.by ? t("survey.history.by", { name: e.by }) : t("survey.history.byDeleted"));
		return `${parts.join(", ")}.`;
	};
	return (
		<section aria-labelledby="survey-history">
			<h2 id="survey-history">{t("survey.history.title")}</h2>
			{history.length === 0 ? (
				<p>{t("survey.history.none")}</p>
			) : (
				<ul>
					{history.map((e) => (
						<li key={`${e.kind}-${e.at.toISOString()}`}>
							<time dateTime={e.at.toISOString()}>{formatDateTime(lang, e.at)}</time>: {line(e)}
						</li>
					))}
				</ul>
			)}
		</section>
	);
}

/** Opening a closed survey again, e.g. to extend it, with a new closing time. */
function ReopenForm({ ctx, form, action }: { ctx: PageContext; form: FormState; action: string }) {
	const labels = { newClosesAt: ctx.t("survey.field.newClosesAt") };
	return (
		<section aria-labelledby="reopen-survey">
			<h2 id="reopen-survey">{ctx.t("survey.admin.reopen")}</h2>
			<p class="hint">{ctx.t("survey.admin.reopenHint")}</p>
			<Form ctx={ctx} form={form} action={action} labels={labels} submit={ctx.t("survey.admin.reopen")}>
				<TextField ctx={ctx} form={form} name="newClosesAt" label={labels.newClosesAt} hint={ctx.t("survey.field.dateTime.hint")} type={"datetime-local" as "date"} />
			</Form>
		</section>
	);
}

function SectionFields({ ctx, form, action }: { ctx: PageContext; form: FormState; action: string }) {
	const labels = { _form: "", title: ctx.t("survey.field.sectionTitle"), description: ctx.t("survey.field.sectionDescription") };
	return (
		<Form ctx={ctx} form={form} action={action} labels={labels}>
			<TextField ctx={ctx} form={form} name="title" label={labels.title} maxLength={200} required />
			<TextArea ctx={ctx} form={form} name="description" label={labels.description} rows={2} maxLength={2000} />
		</Form>
	);
}

/** Changing a section's wording, and deleting it while the survey has no answers and other sections. */
export function SectionPage(props: { ctx: PageContext; survey: Survey; section: Section; form: FormState; deletable: boolean }) {
	const { ctx, survey, section } = props;
	const action = `/admin/enkater/${survey.id}/delar/${section.id}`;
	return (
		<>
			<p>
				<a href={`/admin/enkater/${survey.id}`}>{ctx.t("survey.admin.backToSurvey")}</a>
			</p>
			<h1>{ctx.t("survey.admin.editSection", { title: section.title })}</h1>
			<SectionFields ctx={ctx} form={props.form} action={action} />
			{props.deletable && (
				<>
					<p class="hint">{ctx.t("survey.admin.deleteSectionHint")}</p>
					<PostButton ctx={ctx} action={`${action}/delete`} label={ctx.t("survey.admin.deleteSection")} />
				</>
			)}
		</>
	);
}

/** The form for a new question or for changing one. */
export function QuestionPage(props: {
	ctx: PageContext;
	survey: Survey;
	sections: Section[];
	conditions: { value: string; question: string; option: string }[];
	form: FormState;
	action: string;
	heading: string;
	deleteAction?: string;
}) {
	const { ctx, form } = props;
	const { t } = ctx;
	const names = ["sectionId", "kind", "text", "help", "options", "maxChoices", "lowLabel", "highLabel", "maxLength", "showIf"];
	const labels = { _form: "", ...Object.fromEntries(names.map((n) => [n, t(`survey.field.${n}`)])) } as Record<string, string>;
	return (
		<>
			<p>
				<a href={`/admin/enkater/${props.survey.id}`}>{t("survey.admin.backToSurvey")}</a>
			</p>
			<h1>{props.heading}</h1>
			<Form ctx={ctx} form={form} action={props.action} labels={labels}>
				<SelectField ctx={ctx} form={form} name="sectionId" label={labels.sectionId!} required options={props.sections.map((s) => ({ value: s.id, label: s.title }))} />
				<SelectField ctx={ctx} form={form} name="kind" label={labels.kind!} required options={questionKinds.map((k) => ({ value: k, label: t(`survey.admin.kind.${k}`) }))} />
				<TextField ctx={ctx} form={form} name="text" label={labels.text!} maxLength={500} required />
				<TextArea ctx={ctx} form={form} name="help" label={labels.help!} rows={2} maxLength={1000} />
				<CheckboxField form={form} name="required" label={t("survey.field.required")} />
				<TextArea ctx={ctx} form={form} name="options" label={labels.options!} hint={t("survey.field.options.hint")} rows={6} />
				<TextField ctx={ctx} form={form} name="maxChoices" label={labels.maxChoices!} hint={t("survey.field.maxChoices.hint")} inputmode="numeric" />
				<CheckboxField form={form} name="allowOther" label={t("survey.field.allowOther")} />
				<TextField ctx={ctx} form={form} name="lowLabel" label={labels.lowLabel!} hint={t("survey.field.scale.hint")} maxLength={100} />
				<TextField ctx={ctx} form={form} name="highLabel" label={labels.highLabel!} hint={t("survey.field.scale.hint")} maxLength={100} />
				<TextField ctx={ctx} form={form} name="maxLength" label={labels.maxLength!} hint={t("survey.field.maxLength.hint")} inputmode="numeric" required />
				<SelectField
					ctx={ctx}
					form={form}
					name="showIf"
					label={labels.showIf!}
					hint={t("survey.field.showIf.hint")}
					options={props.conditions.map((c) => ({ value: c.value, label: t("survey.field.showIf.option", { question: c.question, option: c.option }) }))}
				/>
			</Form>
			{props.deleteAction && <PostButton ctx={ctx} action={props.deleteAction} label={t("survey.admin.deleteQuestion")} />}
		</>
	);
}
