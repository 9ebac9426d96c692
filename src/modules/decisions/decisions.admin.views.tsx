import { formatDate } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { CheckboxField, ErrorSummary, FileField, Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { maxDocumentBytes } from "./decisions.uploads.js";
import { type FormState, formState } from "../../ui/forms.js";
import type { adoptionsAdmin, decisionsAdmin, handoverPage, itemForAdmin, meetingForAdmin } from "./decisions.admin.service.js";
import type { ItemSummary } from "./decisions.repo.js";
import { meetingHeading } from "./decisions.views.js";
import { PageHelp } from "../../ui/components.js";

type Data<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** Labels for a form's fields, from the messages. */
const labelsFor = (ctx: PageContext, names: string[], prefix = "decisions.field."): Record<string, string> => Object.fromEntries(names.map((n) => [n, ctx.t(`${prefix}${n}`)]));

/** The choice of a recorded decision, by body, date, paragraph and title. */
const itemOptions = (ctx: PageContext, items: ItemSummary[]) =>
	items.map((i) => ({ value: i.id, label: ctx.t("decisions.choice.item", { body: i.bodyName, date: formatDate(ctx.lang, i.decidedOn), paragraph: i.paragraph, title: i.title }) }));

/** The officials' overview: bodies, meetings, and the forms for new ones. */
export function DecisionsAdminPage({ ctx, data, bodyForm, meetingForm, visionBodyForm }: { ctx: PageContext; data: Data<typeof decisionsAdmin>; bodyForm: FormState; meetingForm: FormState; visionBodyForm?: FormState }) {
	const { t, lang } = ctx;
	const bodyLabels = labelsFor(ctx, ["organisationId", "name"]);
	const meetingLabels = labelsFor(ctx, ["bodyId", "heldOn"]);
	return (
		<>
			<p>
				<a href="/admin">{t("admin.back")}</a>
			</p>
			<h1>{t("decisions.admin.title")}</h1>
			<PageHelp ctx={ctx} page="decisions" />
			<p>{t("decisions.admin.intro")}</p>
			<p>
				<a href="/admin/antaganden">{t("decisions.admin.adoptions")}</a>
			</p>
			<h2>{t("decisions.admin.meetings")}</h2>
			{data.meetings.length === 0 ? (
				<p>{t("decisions.admin.noMeetings")}</p>
			) : (
				<ul>
					{data.meetings.map((m) => (
						<li key={m.id}>
							<a href={`/admin/beslut/sammantraden/${m.id}`}>{meetingHeading(ctx, m)}</a> ({m.organisationName})
						</li>
					))}
				</ul>
			)}
			<h2>{t("decisions.admin.newMeeting")}</h2>
			{data.bodies.length === 0 ? (
				<p>{t("decisions.admin.noBodies")}</p>
			) : (
				<Form ctx={ctx} form={meetingForm} action="/admin/beslut/sammantraden" labels={meetingLabels}>
					<SelectField ctx={ctx} form={meetingForm} name="bodyId" label={meetingLabels.bodyId!} options={data.bodies.map((b) => ({ value: b.id, label: `${b.name} (${b.organisationName})` }))} required />
					<TextField ctx={ctx} form={meetingForm} name="heldOn" label={meetingLabels.heldOn!} hint={t("decisions.field.date.hint")} type="date" required />
				</Form>
			)}
			<h2>{t("decisions.admin.newBody")}</h2>
			<Form ctx={ctx} form={bodyForm} action="/admin/beslut/organ" labels={bodyLabels}>
				<SelectField ctx={ctx} form={bodyForm} name="organisationId" label={bodyLabels.organisationId!} options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} required />
				<TextField ctx={ctx} form={bodyForm} name="name" label={bodyLabels.name!} maxLength={200} required />
			</Form>
			{data.bodies.length > 0 && (
				<>
					<h2>{t("decisions.admin.bodies")}</h2>
					<ul>
						{data.bodies.map((b) => (
							<li key={b.id}>
								{b.name} ({b.organisationName}) <span class="meta">{formatDate(lang, b.createdAt.toISOString().slice(0, 10))}</span>
							</li>
						))}
					</ul>
				</>
			)}
			{data.visionBody && <VisionBodyForm ctx={ctx} choices={data.visionBody.choices} form={visionBodyForm ?? formState({ bodyId: data.visionBody.id ?? "" })} />}
		</>
	);
}

/** The coordinator's choice of the body whose decisions adopt and amend the programme's vision. */
function VisionBodyForm({ ctx, choices, form }: { ctx: PageContext; choices: { id: string; name: string; organisationName: string }[]; form: FormState }) {
	const labels = { bodyId: ctx.t("decisions.field.visionBodyId") };
	return (
		<>
			<h2>{ctx.t("decisions.admin.visionBody")}</h2>
			<p>{ctx.t("decisions.admin.visionBody.intro")}</p>
			<Form ctx={ctx} form={form} action="/admin/beslut/visionsorgan" labels={labels}>
				<SelectField ctx={ctx} form={form} name="bodyId" label={labels.bodyId} options={choices.map((b) => ({ value: b.id, label: `${b.name} (${b.organisationName})` }))} />
			</Form>
		</>
	);
}

const itemFieldNames = ["paragraph", "caseNumber", "title", "decidedOn", "background", "proposedDecision", "points", "distribution", "isKey", "reason"];

/** The fields of an item's texts, shared by the new-item form and the correction form. */
function ItemFields({ ctx, form, labels }: { ctx: PageContext; form: FormState; labels: Record<string, string> }) {
	const { t } = ctx;
	return (
		<>
			<TextField ctx={ctx} form={form} name="caseNumber" label={labels.caseNumber!} hint={t("decisions.field.caseNumber.hint")} maxLength={50} />
			<TextField ctx={ctx} form={form} name="title" label={labels.title!} maxLength={300} required />
			<TextField ctx={ctx} form={form} name="decidedOn" label={labels.decidedOn!} hint={t("decisions.field.date.hint")} type="date" required />
			<TextArea ctx={ctx} form={form} name="background" label={labels.background!} rows={8} maxLength={20000} />
			<TextArea ctx={ctx} form={form} name="proposedDecision" label={labels.proposedDecision!} rows={4} maxLength={5000} />
			<TextArea ctx={ctx} form={form} name="points" label={labels.points!} hint={t("decisions.field.points.hint")} rows={5} maxLength={10000} />
			<TextArea ctx={ctx} form={form} name="distribution" label={labels.distribution!} hint={t("decisions.field.distribution.hint")} rows={3} maxLength={2000} />
		</>
	);
}

/** A meeting for its officials: its items and the form for a new one. */
export function MeetingAdminPage({ ctx, data, form }: { ctx: PageContext; data: Data<typeof meetingForAdmin>; form: FormState }) {
	const { t } = ctx;
	const labels = labelsFor(ctx, itemFieldNames);
	const { meeting, items } = data;
	return (
		<>
			<p>
				<a href="/admin/beslut">{t("decisions.admin.back")}</a>
			</p>
			<h1>{t("decisions.admin.meetingTitle", { body: meeting.bodyName, date: formatDate(ctx.lang, meeting.heldOn) })}</h1>
			<p>
				<a href={`/beslut/sammantraden/${meeting.id}`}>{t("decisions.admin.public")}</a>
			</p>
			<h2>{t("decisions.meeting.items")}</h2>
			{items.length === 0 ? (
				<p>{t("decisions.meeting.noItems")}</p>
			) : (
				<ul>
					{items.map((i) => (
						<li key={i.id}>
							<a href={`/admin/beslut/paragrafer/${i.id}`}>{t("decisions.admin.itemTitle", { paragraph: i.paragraph, title: i.title })}</a>
						</li>
					))}
				</ul>
			)}
			<h2>{t("decisions.admin.newItem")}</h2>
			<Form ctx={ctx} form={form} action={`/admin/beslut/sammantraden/${meeting.id}/paragrafer`} labels={labels}>
				<TextField ctx={ctx} form={form} name="paragraph" label={labels.paragraph!} inputmode="numeric" required />
				<ItemFields ctx={ctx} form={form} labels={labels} />
				<CheckboxField form={form} name="isKey" label={labels.isKey!} />
			</Form>
		</>
	);
}

/** The upload form: multipart, so it is written out here. */
function FileForm({ ctx, form, action }: { ctx: PageContext; form: FormState; action: string }) {
	const { t } = ctx;
	const labels = labelsFor(ctx, ["fileTitle", "file"]);
	return (
		<form method="post" action={action} enctype="multipart/form-data" novalidate>
			<input type="hidden" name="_csrf" value={ctx.csrfToken} />
			<ErrorSummary ctx={ctx} form={form} labels={labels} />
			<TextField ctx={ctx} form={form} name="fileTitle" label={labels.fileTitle!} maxLength={300} required />
			<FileField ctx={ctx} form={form} name="file" label={labels.file!} hint={t("decisions.field.file.hint", { max: maxDocumentBytes / 1024 / 1024 })} required />
			<button type="submit">{t("form.save")}</button>
		</form>
	);
}

/** Which of an item page's forms failed, with what was typed. */
export type ItemForms = { correct?: FormState; motion?: FormState; document?: FormState; file?: FormState; link?: FormState };

/** An item for its officials: the correction form, then motions, basis and links. */
export function ItemAdminPage({ ctx, data, forms }: { ctx: PageContext; data: Data<typeof itemForAdmin>; forms: ItemForms }) {
	const { t } = ctx;
	const { item, meeting } = data;
	const base = `/admin/beslut/paragrafer/${item.id}`;
	const itemLabels = labelsFor(ctx, itemFieldNames);
	const motionLabels = labelsFor(ctx, ["memberName", "party", "kind", "text", "proposalId", "amendedText", "outcome"]);
	const docLabels = labelsFor(ctx, ["docTitle", "url"]);
	const linkLabels = labelsFor(ctx, ["target"]);
	const correct = forms.correct ?? formState({ ...item, points: item.points.join("\n"), distribution: item.distribution.join("\n") });
	const motion = forms.motion ?? formState();
	const proposals = data.targets.filter((x) => x.recordType === "proposal");
	const targetLabel = (x: (typeof data.targets)[number]) => `${t(`decisions.recordType.${x.recordType}`, { number: x.number ?? "" })}: ${x.label}`;
	return (
		<>
			<p>
				<a href={`/admin/beslut/sammantraden/${meeting.id}`}>{t("decisions.admin.backToMeeting")}</a>
			</p>
			<h1>{t("decisions.admin.itemTitle", { paragraph: item.paragraph, title: item.title })}</h1>
			<p>
				<a href={`/beslut/paragrafer/${item.id}`}>{t("decisions.admin.public")}</a>
			</p>
			<h2>{t("decisions.admin.addMotion")}</h2>
			<Form ctx={ctx} form={motion} action={`${base}/yrkanden`} labels={motionLabels}>
				<TextField ctx={ctx} form={motion} name="memberName" label={motionLabels.memberName!} maxLength={200} required />
				<TextField ctx={ctx} form={motion} name="party" label={motionLabels.party!} maxLength={50} />
				<SelectField ctx={ctx} form={motion} name="kind" label={motionLabels.kind!} options={["adopt", "reject", "amend"].map((k) => ({ value: k, label: t(`decisions.kindOption.${k}`) }))} required />
				<TextArea ctx={ctx} form={motion} name="text" label={motionLabels.text!} rows={4} maxLength={5000} required />
				<SelectField ctx={ctx} form={motion} name="proposalId" label={motionLabels.proposalId!} hint={t("decisions.field.proposalId.hint")} options={proposals.map((p) => ({ value: p.recordId, label: targetLabel(p) }))} />
				<TextArea ctx={ctx} form={motion} name="amendedText" label={motionLabels.amendedText!} hint={t("decisions.field.amendedText.hint")} rows={4} maxLength={2000} />
				<SelectField ctx={ctx} form={motion} name="outcome" label={motionLabels.outcome!} options={["bifall", "avslag"].map((o) => ({ value: o, label: t(`decisions.outcomeOption.${o}`) }))} required />
			</Form>
			<h2>{t("decisions.admin.addDocument")}</h2>
			<Form ctx={ctx} form={forms.document ?? formState()} action={`${base}/underlag`} labels={docLabels}>
				<TextField ctx={ctx} form={forms.document ?? formState()} name="docTitle" label={docLabels.docTitle!} maxLength={300} required />
				<TextField ctx={ctx} form={forms.document ?? formState()} name="url" label={docLabels.url!} type="url" required />
			</Form>
			<h2>{t("decisions.admin.addFile")}</h2>
			<FileForm ctx={ctx} form={forms.file ?? formState()} action={`${base}/fil`} />
			<h2>{t("decisions.admin.addLink")}</h2>
			<Form ctx={ctx} form={forms.link ?? formState()} action={`${base}/kopplingar`} labels={linkLabels}>
				<SelectField ctx={ctx} form={forms.link ?? formState()} name="target" label={linkLabels.target!} options={data.targets.map((x) => ({ value: `${x.recordType}:${x.recordId}`, label: targetLabel(x) }))} required />
			</Form>
			<h2>{t("decisions.admin.correct")}</h2>
			<p>{t("decisions.admin.correctIntro")}</p>
			<Form ctx={ctx} form={correct} action={`${base}/rattelse`} labels={itemLabels}>
				<ItemFields ctx={ctx} form={correct} labels={itemLabels} />
				<TextArea ctx={ctx} form={correct} name="reason" label={itemLabels.reason!} rows={2} maxLength={1000} required />
			</Form>
		</>
	);
}

/** The adoption administration: the form to record one, then the organisations' adoptions with withdrawal forms. */
export function AdoptionsAdminPage({ ctx, data, form, withdrawal }: { ctx: PageContext; data: Data<typeof adoptionsAdmin>; form: FormState; withdrawal?: { id: string; state: FormState } }) {
	const { t, lang } = ctx;
	const labels: Record<string, string> = { ...labelsFor(ctx, ["organisationId", "body", "reference", "documentUrl", "itemId"]), decidedOn: t("decisions.field.decidedOnAdoption") };
	const withdrawLabels = labelsFor(ctx, ["withdrawnOn"]);
	// An association's admin has no administration to go back to, but their organisation's page.
	const own = data.organisations[0];
	return (
		<>
			<p>
				{ctx.canAdminister || !own ? <a href="/admin">{t("admin.back")}</a> : <a href={`/aktorer/${own.id}/hantera`}>{t("decisions.admin.backToOrganisation", { name: own.name })}</a>}
			</p>
			<h1>{t("decisions.admin.adoptions")}</h1>
			<PageHelp ctx={ctx} page="adoptions" />
			<p>{t("decisions.admin.adoptionsIntro")}</p>
			<h2>{t("decisions.admin.recordAdoption")}</h2>
			<Form ctx={ctx} form={form} action="/admin/antaganden" labels={labels}>
				<SelectField ctx={ctx} form={form} name="organisationId" label={labels.organisationId!} options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} required />
				<TextField ctx={ctx} form={form} name="decidedOn" label={labels.decidedOn!} hint={t("decisions.field.date.hint")} type="date" required />
				<TextField ctx={ctx} form={form} name="body" label={labels.body!} maxLength={200} required />
				<TextField ctx={ctx} form={form} name="reference" label={labels.reference!} maxLength={100} />
				<TextField ctx={ctx} form={form} name="documentUrl" label={labels.documentUrl!} type="url" />
				<SelectField ctx={ctx} form={form} name="itemId" label={labels.itemId!} hint={t("decisions.field.itemId.hint")} options={itemOptions(ctx, data.items)} />
			</Form>
			<h2>{t("adoption.caption", { count: data.adoptions.length })}</h2>
			{data.adoptions.length === 0 && <p>{t("decisions.admin.noAdoptions")}</p>}
			{data.adoptions.map((a) => {
				const state = withdrawal?.id === a.id ? withdrawal.state : formState();
				return (
					<section key={a.id} class="adoption-admin" aria-labelledby={`adoption-${a.id}`}>
						<h3 id={`adoption-${a.id}`}>{a.organisationName}</h3>
						<p>{t("adoption.adopted", { date: formatDate(lang, a.decidedOn), body: a.body })}</p>
						{a.withdrawnOn && withdrawal?.id !== a.id ? (
							<p>
								<strong>{t("decisions.admin.withdrawn", { date: formatDate(lang, a.withdrawnOn) })}</strong>
							</p>
						) : (
							<Form ctx={ctx} form={state} action={`/admin/antaganden/${a.id}/aterkalla`} labels={withdrawLabels} submit={t("decisions.admin.withdraw", { organisation: a.organisationName })}>
								<TextField ctx={ctx} form={state} name="withdrawnOn" label={withdrawLabels.withdrawnOn!} hint={t("decisions.field.withdrawnOn.hint")} type="date" />
							</Form>
						)}
					</section>
				);
			})}
		</>
	);
}

/** The coordinator's handover page: the history, then the form handing the role over on a recorded decision. */
export function HandoverPage({ ctx, data, form }: { ctx: PageContext; data: Data<typeof handoverPage>; form: FormState }) {
	const { t, lang } = ctx;
	const labels = labelsFor(ctx, ["organisationId", "fromDate", "itemId"]);
	return (
		<>
			<p>
				<a href="/admin">{t("admin.back")}</a>
			</p>
			<h1>{t("decisions.admin.handover")}</h1>
			<PageHelp ctx={ctx} page="handover" />
			<p>{t("decisions.admin.handoverIntro")}</p>
			<h2>{t("decisions.admin.history")}</h2>
			<ul>
				{data.history.map((h) => (
					<li key={h.id}>
						{t("decisions.admin.historyItem", { organisation: h.organisationName, date: formatDate(lang, h.fromDate) })}
						{h.itemId && (
							<>
								{" "}
								(<a href={`/beslut/paragrafer/${h.itemId}`}>{t("decisions.item.decision")}</a>)
							</>
						)}
					</li>
				))}
			</ul>
			<Form ctx={ctx} form={form} action="/admin/samordnare" labels={labels}>
				<SelectField ctx={ctx} form={form} name="organisationId" label={labels.organisationId!} options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} required />
				<TextField ctx={ctx} form={form} name="fromDate" label={labels.fromDate!} hint={t("decisions.field.date.hint")} type="date" required />
				<SelectField ctx={ctx} form={form} name="itemId" label={labels.itemId!} hint={t("decisions.field.itemId.hint")} options={itemOptions(ctx, data.items)} required />
			</Form>
		</>
	);
}
