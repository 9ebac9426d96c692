import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { Paragraphs } from "../../ui/text.js";
import { AdoptionSentence, AdoptionsTable, type PublicAdoption } from "../decisions/index.js";
import { organisationTypes } from "./organisations.input.js";
import type { Organisation } from "./organisations.repo.js";
import type { OrganisationForm, OrganisationProfile, PublicOrganisation } from "./organisations.service.js";

/** The actors page: the table of adoptions, then every organisation taking part. */
export function ActorsPage({ ctx, adoptions, organisations }: { ctx: PageContext; adoptions: PublicAdoption[]; organisations: PublicOrganisation[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("organisation.title")}</h1>
			<p class="lead">{t("organisation.intro")}</p>
			<h2>{t("organisation.standBehind")}</h2>
			<AdoptionsTable ctx={ctx} adoptions={adoptions} />
			<h2>{t("organisation.all")}</h2>
			{organisations.length === 0 ? (
				<p>{t("organisation.none")}</p>
			) : (
				<ul class="card-list">
					{organisations.map((o) => (
						<li key={o.id} class="card">
							<h3>
								<a href={`/aktorer/${o.id}`}>{o.name}</a>
							</h3>
							<p class="meta">{t(`organisation.type.${o.type}`)}</p>
							<p>
								{o.focusAreas.length
									? t("organisation.focusAreasChosen", { areas: o.focusAreas.map((a) => a.name).join(", ") })
									: t("organisation.noFocusAreas")}
							</p>
						</li>
					))}
				</ul>
			)}
		</>
	);
}

/** An organisation's public profile. */
export function ProfilePage({ ctx, profile }: { ctx: PageContext; profile: OrganisationProfile }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/aktorer">{t("organisation.back")}</a>
			</p>
			<h1>{profile.name}</h1>
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
			<h2>{t("organisation.vision")}</h2>
			<AdoptionSentence ctx={ctx} adoption={profile.adoption} />
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
			<p>
				<a class="button" href="/admin/organisations/new">
					{t("organisation.admin.new")}
				</a>
			</p>
			{organisations.length === 0 ? (
				<p>{t("organisation.none")}</p>
			) : (
				<div class="table-scroll">
					<table>
						<caption>{t("organisation.admin.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("organisation.field.name")}</th>
								<th scope="col">{t("organisation.field.type")}</th>
								<th scope="col">{t("organisation.field.orgNumber")}</th>
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
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}

/** The form to create or change an organisation. */
export function OrganisationFormPage({ ctx, form }: { ctx: PageContext; form: OrganisationForm }) {
	const { t } = ctx;
	const { organisation, state } = form;
	const labels = {
		name: t("organisation.field.name"),
		type: t("organisation.field.type"),
		orgNumber: t("organisation.field.orgNumber"),
		description: t("organisation.field.description"),
		website: t("organisation.field.website"),
	};
	const typeOptions = organisationTypes.map((value) => ({ value, label: t(`organisation.type.${value}`) }));
	return (
		<>
			<p>
				<a href="/admin/organisations">{t("organisation.admin.back")}</a>
			</p>
			<h1>{organisation ? t("organisation.admin.edit", { name: organisation.name }) : t("organisation.admin.new")}</h1>
			<Form ctx={ctx} form={state} action={organisation ? `/admin/organisations/${organisation.id}/edit` : "/admin/organisations/new"} labels={labels}>
				<TextField ctx={ctx} form={state} name="name" label={labels.name} required maxLength={200} autocomplete="organization" />
				<SelectField ctx={ctx} form={state} name="type" label={labels.type} required options={typeOptions} />
				<TextField ctx={ctx} form={state} name="orgNumber" label={labels.orgNumber} hint={t("organisation.hint.orgNumber")} />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description} maxLength={4000} />
				<TextField ctx={ctx} form={state} name="website" label={labels.website} hint={t("organisation.hint.website")} type="url" autocomplete="url" />
			</Form>
		</>
	);
}
