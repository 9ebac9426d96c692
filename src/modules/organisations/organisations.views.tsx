import { formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { Paragraphs } from "../../ui/text.js";
import { type LoadedSection, PageSections } from "../../ui/sections.js";
import type { ContactPage } from "./organisations.contact.service.js";
import { contactLimits, declineReasonMax, organisationTypes } from "./organisations.input.js";
import type { Organisation } from "./organisations.repo.js";
import type { DeclineForm, OrganisationForm, PublicOrganisation } from "./organisations.service.js";
import type { ProfileForm } from "./organisations.workspace.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

/** What the profile page shows besides the profile itself. */
export type ProfileExtras = { sections: LoadedSection[]; pending: boolean; isMember: boolean; contactable: boolean };

/** An organisation's public profile. */
export function ProfilePage({ ctx, profile, extras }: { ctx: PageContext; profile: PublicOrganisation; extras: ProfileExtras }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/aktorer">{t("organisation.back")}</a>
			</p>
			<h1>{profile.name}</h1>
			{extras.pending && <p class="notice">{t("organisation.pendingNotice")}</p>}
			{extras.isMember && (
				<p>
					<a class="button" href={`/aktorer/${profile.id}/hantera`}>
						{t("organisation.manage")}
					</a>
				</p>
			)}
			<Paragraphs text={profile.description} />
			<h2>{t("organisation.facts")}</h2>
			<dl class="facts">
				<dt>{t("organisation.field.type")}</dt>
				<dd>{t(`organisation.type.${profile.type}`)}</dd>
				<dt>{t("organisation.field.orgNumber")}</dt>
				<dd>{profile.orgNumber ?? t("organisation.missing")}</dd>
				<dt>{t("organisation.field.website")}</dt>
				<dd>{profile.website ? <a href={profile.website}>{profile.website}</a> : t("organisation.missing")}</dd>
			</dl>
			<h2>{t("organisation.focusAreas")}</h2>
			{profile.focusAreas.length === 0 ? (
				<p>{t("organisation.noFocusAreas")}</p>
			) : (
				<ul>
					{profile.focusAreas.map((a) => (
						<li key={a.id}>
							<a href={`/fokusomraden/${a.id}`}>{a.name}</a>
						</li>
					))}
				</ul>
			)}
			<PageSections ctx={ctx} sections={extras.sections} />
			<h2>{t("organisation.contact")}</h2>
			{extras.contactable ? (
				<p>
					<a href={`/aktorer/${profile.id}/kontakt`}>{t("organisation.contactLink", { name: profile.name })}</a>
				</p>
			) : (
				<p>{t("organisation.contactNone")}</p>
			)}
		</>
	);
}

/** The coordinator's list of organisations. */
export function AdminOrganisationsPage({ ctx, organisations }: { ctx: PageContext; organisations: Organisation[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("organisation.admin.backToAdmin")}</a>
			</p>
			<h1>{t("organisation.admin.title")}</h1>
			<PageHelp ctx={ctx} page="organisations" />
			<p>
				<a class="button" href="/admin/organisations/new">
					{t("organisation.admin.new")}
				</a>
			</p>
			{organisations.length === 0 ? (
				<p>{t("organisation.none")}</p>
			) : (
				<TableScroll label={t("organisation.admin.caption")}>
					<table>
						<caption>{t("organisation.admin.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("organisation.field.name")}</th>
								<th scope="col">{t("organisation.field.type")}</th>
								<th scope="col">{t("organisation.field.orgNumber")}</th>
								<th scope="col">{t("organisation.field.status")}</th>
							</tr>
						</thead>
						<tbody>
							{organisations.map((o) => (
								<tr key={o.id}>
									<th scope="row">
										<a href={`/admin/organisations/${o.id}/edit`}>{o.name}</a>
									</th>
									<td>{t(`organisation.type.${o.type}`)}</td>
									<td>{o.orgNumber ?? t("organisation.missing")}</td>
									<td>
										{t(`organisation.status.${o.status}`)}
										{o.status === "pending" && <ApproveButtons ctx={ctx} organisation={o} />}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</>
	);
}

/** The coordinator's button that approves an organisation awaiting approval, and the link to declining it with a reason. */
function ApproveButtons({ ctx, organisation }: { ctx: PageContext; organisation: Organisation }) {
	const { t } = ctx;
	return (
		<>
			{" "}
			<form method="post" action={`/admin/organisations/${organisation.id}/approve`} class="inline-form">
				<input type="hidden" name="_csrf" value={ctx.csrfToken} />
				<button type="submit" aria-label={t("organisation.approveNamed", { name: organisation.name })}>
					{t("organisation.approve")}
				</button>
			</form>{" "}
			<a href={`/admin/organisations/${organisation.id}/decline`} aria-label={t("organisation.declineNamed", { name: organisation.name })}>
				{t("organisation.decline")}
			</a>
		</>
	);
}

function organisationLabels(ctx: PageContext) {
	const { t } = ctx;
	return {
		name: t("organisation.field.name"),
		type: t("organisation.field.type"),
		orgNumber: t("organisation.field.orgNumber"),
		description: t("organisation.field.description"),
		website: t("organisation.field.website"),
		reason: t("organisation.field.reason"),
	};
}

/**
 * The fields describing an organisation, shared by the coordinator's form, the join form and the admins' profile form.
 * The type and the checked organisation number are left out of the profile form: only the coordinator changes them.
 */
function OrganisationFields({ ctx, state, coordinatorFields = true }: { ctx: PageContext; state: FormState; coordinatorFields?: boolean }) {
	const { t } = ctx;
	const labels = organisationLabels(ctx);
	const typeOptions = organisationTypes.map((value) => ({ value, label: t(`organisation.type.${value}`) }));
	return (
		<>
			<TextField ctx={ctx} form={state} name="name" label={labels.name} required maxLength={200} autocomplete="organization" />
			{coordinatorFields && (
				<>
					<SelectField ctx={ctx} form={state} name="type" label={labels.type} required options={typeOptions} placeholder={t("form.choose")} />
					<TextField ctx={ctx} form={state} name="orgNumber" label={labels.orgNumber} hint={t("organisation.hint.orgNumber")} />
				</>
			)}
			<TextArea ctx={ctx} form={state} name="description" label={labels.description} maxLength={4000} />
			<TextField ctx={ctx} form={state} name="website" label={labels.website} hint={t("organisation.hint.website")} type="url" autocomplete="url" />
		</>
	);
}

/** The form to create or change an organisation. */
export function OrganisationFormPage({ ctx, form }: { ctx: PageContext; form: OrganisationForm }) {
	const { t } = ctx;
	const { organisation, state } = form;
	return (
		<>
			<p>
				<a href="/admin/organisations">{t("organisation.admin.back")}</a>
			</p>
			<h1>{organisation ? t("organisation.admin.edit", { name: organisation.name }) : t("organisation.admin.new")}</h1>
			<Form ctx={ctx} form={state} action={organisation ? `/admin/organisations/${organisation.id}/edit` : "/admin/organisations/new"} labels={organisationLabels(ctx)}>
				<OrganisationFields ctx={ctx} state={state} />
			</Form>
		</>
	);
}

/** The form where an organisation's admins change its name, description and website; it says why the type and number stay with the coordinator. */
export function ProfileFormPage({ ctx, form }: { ctx: PageContext; form: ProfileForm }) {
	const { t } = ctx;
	const { organisation, state } = form;
	const base = `/aktorer/${organisation.id}`;
	return (
		<>
			<p>
				<a href={`${base}/hantera`}>{t("organisation.workspace.back", { name: organisation.name })}</a>
			</p>
			<h1>{t("organisation.profileForm.title", { name: organisation.name })}</h1>
			<p class="lead">{t("organisation.profileForm.intro")}</p>
			<p>{t("organisation.profileForm.locked")}</p>
			<dl class="facts">
				<dt>{t("organisation.field.type")}</dt>
				<dd>{t(`organisation.type.${organisation.type}`)}</dd>
				<dt>{t("organisation.field.orgNumber")}</dt>
				<dd>{organisation.orgNumber ?? t("organisation.missing")}</dd>
			</dl>
			<Form ctx={ctx} form={state} action={`${base}/hantera/uppgifter`} labels={organisationLabels(ctx)}>
				<OrganisationFields ctx={ctx} state={state} coordinatorFields={false} />
			</Form>
		</>
	);
}

/** The coordinator's form that declines an organisation awaiting approval, with an optional reason mailed to its admins. */
export function DeclinePage({ ctx, form }: { ctx: PageContext; form: DeclineForm }) {
	const { t } = ctx;
	const { organisation, state } = form;
	const label = t("organisation.field.declineReason");
	return (
		<>
			<p>
				<a href="/admin/organisations">{t("organisation.admin.back")}</a>
			</p>
			<h1>{t("organisation.decline.title", { name: organisation.name })}</h1>
			<p class="lead">{t("organisation.decline.intro")}</p>
			<Form ctx={ctx} form={state} action={`/admin/organisations/${organisation.id}/decline`} labels={{ reason: label }} submit={t("organisation.decline.submit")}>
				<TextArea
					ctx={ctx}
					form={state}
					name="reason"
					label={label}
					hint={t("organisation.hint.declineReason", { max: formatNumber(ctx.lang, declineReasonMax) })}
					maxLength={declineReasonMax}
				/>
			</Form>
		</>
	);
}

/** The join form: a signed-in person registers an organisation for the programme. */
export function JoinPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/aktorer">{t("organisation.back")}</a>
			</p>
			<h1>{t("organisation.join.title")}</h1>
			<p class="lead">{t("organisation.join.intro")}</p>
			<Form ctx={ctx} form={state} action="/aktorer/anslut" labels={organisationLabels(ctx)} submit={t("organisation.join.submit")}>
				<OrganisationFields ctx={ctx} state={state} />
				<TextArea ctx={ctx} form={state} name="reason" label={t("organisation.field.reason")} hint={t("organisation.hint.reason")} required maxLength={2000} />
			</Form>
		</>
	);
}

/** The contact form of an organisation; it names the limits and that the sender's address goes with the message. */
export function ContactFormPage({ ctx, page, state }: { ctx: PageContext; page: ContactPage; state: FormState }) {
	const { t } = ctx;
	const { organisation } = page;
	const labels = { subject: t("organisation.contact.subject"), message: t("organisation.contact.message") };
	return (
		<>
			<p>
				<a href={`/aktorer/${organisation.id}`}>{t("organisation.contact.back", { name: organisation.name })}</a>
			</p>
			<h1>{t("organisation.contact.title", { name: organisation.name })}</h1>
			{page.reachable ? (
				<>
					<p class="lead">{t("organisation.contact.intro")}</p>
					<p class="privacy-note">{t("organisation.contact.privacy", { email: page.senderEmail })}</p>
					<Form ctx={ctx} form={state} action={`/aktorer/${organisation.id}/kontakt`} labels={labels} submit={t("organisation.contact.submit")}>
						<TextField
							ctx={ctx}
							form={state}
							name="subject"
							label={labels.subject}
							hint={t("organisation.contact.subjectHint", { max: contactLimits.subject })}
							required
							maxLength={contactLimits.subject}
						/>
						<TextArea
							ctx={ctx}
							form={state}
							name="message"
							label={labels.message}
							hint={t("organisation.contact.messageHint", { max: formatNumber(ctx.lang, contactLimits.message) })}
							required
							rows={8}
							maxLength={contactLimits.message}
						/>
					</Form>
				</>
			) : (
				<p>{t("organisation.contactNone")}</p>
			)}
		</>
	);
}
