import { TableScroll } from "../../ui/components.js";
import { formatDate, formatDateTime } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { ErrorSummary, FileField, Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { GoalStatus, goalStatuses } from "../goals/index.js";
import type { Round } from "./followup.repo.js";
import { progressOverrides } from "./followup.schema.js";
import { ProgressNote } from "../indicators/index.js";
import { evidenceAccept, maxEvidenceFileBytes, maxEvidenceFiles } from "./followup.uploads.js";
import type { ReportOwner } from "./report.service.js";
import { FileLinks } from "./report.views.js";
import type { ReportForm } from "./reporting.service.js";
import { formState } from "../../ui/forms.js";

function Closed({ ctx, closed }: { ctx: PageContext; closed: string | null }) {
	return closed ? (
		<p class="notice" role="note">
			{ctx.t(closed)}
		</p>
	) : null;
}

/** The goals a member reports on in a round, per owner, with what has been reported. */
export function ReportingPage({ ctx, round, closed, owners }: { ctx: PageContext; round: Round; closed: string | null; owners: ReportOwner[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("followup.reporting.title", { round: round.title })}</h1>
			<p class="lead">{t("followup.reporting.intro", { deadline: formatDate(ctx.lang, round.deadline) })}</p>
			<Closed ctx={ctx} closed={closed} />
			{owners.length === 0 && <p>{t("followup.reporting.none")}</p>}
			{owners.map((owner) => (
				<TableScroll label={t("followup.reporting.caption", { owner: owner.name })} key={owner.id}>
					<table>
						<caption>{t("followup.reporting.caption", { owner: owner.name })}</caption>
						<thead>
							<tr>
								<th scope="col">{t("followup.reporting.goal")}</th>
								<th scope="col">{t("followup.report.status")}</th>
								<th scope="col">{t("followup.report.account")}</th>
								<td />
							</tr>
						</thead>
						<tbody>
							{owner.goals.map((g) => (
								<tr key={g.id}>
									<th scope="row">{g.title}</th>
									<td>
										<GoalStatus ctx={ctx} status={g.status} />
									</td>
									<td>{g.report ? t("followup.reporting.done", { date: formatDateTime(ctx.lang, new Date(g.report.reportedAt)) }) : t("followup.reporting.notDone")}</td>
									<td>
										<a href={`/uppfoljning/${round.id}/mal/${g.id}`} aria-label={`${t(g.report ? "followup.reporting.change" : "followup.reporting.report")}: ${g.title}`}>
											{t(g.report ? "followup.reporting.change" : "followup.reporting.report")}
										</a>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			))}
		</>
	);
}

/** The report form for one goal, with the goal's computed progress and the rule behind it. */
export function ReportFormPage({ ctx, form }: { ctx: PageContext; form: ReportForm }) {
	const { t } = ctx;
	const { round, goal, indicator, owner, state, closed } = form;
	const labels = {
		status: t("followup.field.status"),
		account: t("followup.field.account"),
		evidence: t("followup.field.evidence"),
		ownValue: t("followup.field.ownValue"),
		ownValueYear: t("followup.field.ownValueYear"),
		progressOverride: t("followup.field.progressOverride"),
		overrideReason: t("followup.field.overrideReason"),
	};
	return (
		<>
			<p>
				<a href={`/uppfoljning/${round.id}/rapportera`}>{t("followup.reporting.back")}</a>
			</p>
			<h1>{t("followup.form.title", { goal: goal.title })}</h1>
			<p class="lead">
				{owner.name} · {round.title}
			</p>
			<Closed ctx={ctx} closed={closed} />
			<h2>{t("followup.legend.progress")}</h2>
			<ProgressNote ctx={ctx} progress={goal.progress} indicatorTitle={indicator?.title ?? ""} />
			<Form ctx={ctx} form={state} action={`/uppfoljning/${round.id}/mal/${goal.id}`} labels={labels}>
				<SelectField ctx={ctx} form={state} name="status" label={labels.status} required options={goalStatuses.map((s) => ({ value: s, label: t(`goal.status.${s}`) }))} />
				<TextArea ctx={ctx} form={state} name="account" label={labels.account} hint={t("followup.hint.account")} required maxLength={4000} />
				<TextArea ctx={ctx} form={state} name="evidence" label={labels.evidence} hint={t("followup.hint.evidence")} rows={3} />
				{indicator?.kind !== "kolada" && (
					<fieldset>
						<legend>{t("followup.legend.ownValue")}</legend>
						<TextField ctx={ctx} form={state} name="ownValue" label={labels.ownValue} hint={t("followup.hint.ownValue")} />
						<TextField ctx={ctx} form={state} name="ownValueYear" label={labels.ownValueYear} inputmode="numeric" maxLength={4} />
					</fieldset>
				)}
				<SelectField
					ctx={ctx}
					form={state}
					name="progressOverride"
					label={labels.progressOverride}
					options={[{ value: "", label: t("followup.override.none") }, ...progressOverrides.map((s) => ({ value: s, label: t(`indicator.progress.${s}`) }))]}
				/>
				<TextArea ctx={ctx} form={state} name="overrideReason" label={labels.overrideReason} rows={3} maxLength={1000} />
			</Form>
			<EvidenceFiles ctx={ctx} form={form} />
		</>
	);
}

/** The files given as evidence with the goal's report: each can be removed, and more uploaded, while the round takes reports. */
function EvidenceFiles({ ctx, form }: { ctx: PageContext; form: ReportForm }) {
	const { t } = ctx;
	const { round, goal, closed } = form;
	const files = goal.report?.files ?? [];
	const base = `/uppfoljning/${round.id}/mal/${goal.id}`;
	const fileState = form.fileState ?? formState();
	const labels = { file: t("followup.field.file") };
	return (
		<section aria-labelledby="evidence-files">
			<h2 id="evidence-files">{t("followup.files.title")}</h2>
			<p>{t("followup.files.intro")}</p>
			{files.length === 0 ? <p>{t("followup.files.none")}</p> : <FileLinks ctx={ctx} roundId={round.id} files={files} />}
			{!closed &&
				files.map((f) => (
					<form key={f.id} method="post" action={`${base}/fil/${f.id}/ta-bort`} class="inline-form">
						<input type="hidden" name="_csrf" value={ctx.csrfToken} />
						<button type="submit" class="secondary">
							{t("followup.files.removeNamed", { name: f.fileName })}
						</button>
					</form>
				))}
			{!closed && !goal.report && <p>{t("followup.files.reportFirst")}</p>}
			{!closed && goal.report && (
				<form method="post" action={`${base}/fil`} enctype="multipart/form-data" novalidate>
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					<ErrorSummary ctx={ctx} form={fileState} labels={labels} />
					<FileField
						ctx={ctx}
						form={fileState}
						name="file"
						label={labels.file}
						hint={t("followup.hint.file", { max: maxEvidenceFileBytes / 1024 / 1024, files: maxEvidenceFiles })}
						accept={evidenceAccept}
						required
					/>
					<button type="submit">{t("followup.files.upload")}</button>
				</form>
			)}
		</section>
	);
}
