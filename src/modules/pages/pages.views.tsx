import { formatDate } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";

type StatementProps = {
	ctx: PageContext;
	siteName: string;
	responsible: string;
	reviewedOn: string;
	form: FormState;
};

const issues = ["pages.a11y.issue.language", "pages.a11y.issue.assistiveTech", "pages.a11y.issue.admin", "pages.a11y.issue.timeLimit"];

/** The accessibility statement, in the order Digg's template gives, with the form for reporting problems. */
export function AccessibilityStatementPage({ ctx, siteName, responsible, reviewedOn, form }: StatementProps) {
	const { t, lang } = ctx;
	const labels = {
		description: t("pages.report.description"),
		page: t("pages.report.page"),
		email: t("pages.report.email"),
	};
	return (
		<>
			<h1>{t("pages.a11y.title", { site: siteName })}</h1>
			<p>{t("pages.a11y.intro", { responsible })}</p>

			<h2>{t("pages.a11y.howAccessible")}</h2>
			<p>{t("pages.a11y.howAccessibleText")}</p>

			<h2>{t("pages.a11y.whatCanYouDo")}</h2>
			<p>{t("pages.a11y.whatCanYouDoText")}</p>
			<p>
				<a href="/api/docs">{t("pages.a11y.apiLink")}</a>
			</p>

			<h2 id="report">{t("pages.a11y.report")}</h2>
			<p>{t("pages.a11y.reportText")}</p>
			<Form ctx={ctx} form={form} action="/tillganglighet#report" labels={labels} submit={t("pages.report.submit")}>
				<TextArea ctx={ctx} form={form} name="description" label={labels.description} hint={t("pages.report.descriptionHint")} maxLength={4000} required />
				<TextField ctx={ctx} form={form} name="page" label={labels.page} hint={t("pages.report.pageHint")} maxLength={500} />
				<TextField ctx={ctx} form={form} name="email" type="email" autocomplete="email" label={labels.email} hint={t("pages.report.emailHint")} maxLength={254} />
			</Form>

			<h2>{t("pages.a11y.enforcement")}</h2>
			<p>{t("pages.a11y.enforcementText")}</p>
			<p>
				<a href="https://www.digg.se/tdosanmalan" hrefLang="sv">
					{t("pages.a11y.enforcementLink")}
				</a>
			</p>

			<h2>{t("pages.a11y.technical")}</h2>
			<p>{t("pages.a11y.technicalText")}</p>

			<h2>{t("pages.a11y.notAccessible")}</h2>
			<h3>{t("pages.a11y.nonCompliance")}</h3>
			<ul>
				{issues.map((key) => (
					<li key={key}>{t(key)}</li>
				))}
			</ul>
			<h3>{t("pages.a11y.outOfScope")}</h3>
			<p>{t("pages.a11y.outOfScopeText")}</p>

			<h2>{t("pages.a11y.howTested")}</h2>
			<p>{t("pages.a11y.howTestedAutomatic")}</p>
			<p>{t("pages.a11y.howTestedManual")}</p>
			<p>{t("pages.a11y.reviewed", { date: formatDate(lang, reviewedOn) })}</p>
		</>
	);
}

/** The answer after a report was sent. */
export function ReportThanksPage({ ctx }: { ctx: PageContext }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("pages.report.thanksTitle")}</h1>
			<p>{t("pages.report.thanksText")}</p>
			<p>
				<a href="/tillganglighet">{t("pages.report.back")}</a>
			</p>
		</>
	);
}
