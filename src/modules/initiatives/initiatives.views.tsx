import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { Paragraphs } from "../../ui/text.js";
import { Downloads } from "../../ui/components.js";
import { ArenaMeetingList } from "../arenas/index.js";
import { GoalList } from "../goals/index.js";
import { limits } from "./initiatives.input.js";
import type { InitiativeWithOwners, initiativePage, invitationForm } from "./initiatives.service.js";

function OwnerLinks({ owners }: { owners: { id: string; name: string }[] }) {
	return (
		<>
			{owners.map((o, i) => (
				<span key={o.id}>
					{i > 0 && ", "}
					<a href={`/aktorer/${o.id}`}>{o.name}</a>
				</span>
			))}
		</>
	);
}

/** Joint initiatives as cards with area and owners; `level` is the heading level of each card in its page. */
export function InitiativeList({ ctx, rows, level = 2 }: { ctx: PageContext; rows: InitiativeWithOwners[]; level?: 2 | 3 }) {
	const { t } = ctx;
	const Heading = level === 2 ? "h2" : "h3";
	if (rows.length === 0) return <p>{t("initiative.none")}</p>;
	return (
		<ul class="card-list">
			{rows.map((r) => (
				<li key={r.id} class="card">
					<Heading>
						<a href={`/initiativ/${r.id}`}>{r.title}</a>
					</Heading>
					<p class="meta">
						{r.focusAreaName} · {t("initiative.ownedBy", { owners: r.owners.map((o) => o.name).join(", ") })}
					</p>
				</li>
			))}
		</ul>
	);
}

/** The joint initiatives an organisation takes part in, on its profile page. */
export function OrganisationInitiatives({ ctx, data }: { ctx: PageContext; data: InitiativeWithOwners[] }) {
	return (
		<>
			<h2>{ctx.t("initiative.onProfile.heading")}</h2>
			<InitiativeList ctx={ctx} rows={data} level={3} />
		</>
	);
}

/** The public list of joint initiatives, with the exports. */
export function InitiativeListPage({ ctx, rows }: { ctx: PageContext; rows: InitiativeWithOwners[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("initiative.title")}</h1>
			<p class="lead">{t("initiative.intro")}</p>
			<InitiativeList ctx={ctx} rows={rows} />
			<Downloads ctx={ctx} xlsx="/initiativ.xlsx" csvExcel="/initiativ.csv?sep=semicolon" csv="/initiativ.csv" />
			<p>
				<a href="/initiativ.json" type="application/json">
					{t("initiative.export.json")}
				</a>
			</p>
		</>
	);
}

/** A joint initiative: description, area, owners, its goals and the arena meetings that dealt with it. */
export function InitiativePage({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof initiativePage>> }) {
	const { t } = ctx;
	const { initiative: i } = data;
	return (
		<>
			<p>
				<a href="/initiativ">{t("initiative.back")}</a>
			</p>
			<h1>{i.title}</h1>
			<dl class="facts">
				<dt>{t("initiative.focusArea")}</dt>
				<dd>
					<a href={`/fokusomraden/${i.focusAreaId}`}>{i.focusAreaName}</a>
				</dd>
				<dt>{t("initiative.owners")}</dt>
				<dd>
					<OwnerLinks owners={i.owners} />
				</dd>
			</dl>
			<Paragraphs text={i.description} />
			{data.canEdit && (
				<ul>
					<li>
						<a href={`/initiativ/${i.id}/andra`}>{t("initiative.edit")}</a>
					</li>
					<li>
						<a href={`/initiativ/${i.id}/bjud-in`}>{t("initiative.invite")}</a>
					</li>
				</ul>
			)}
			{data.invitations.length > 0 && (
				<section aria-labelledby="initiative-invitations">
					<h2 id="initiative-invitations">{t("initiative.invitations")}</h2>
					<ul>
						{data.invitations.map((v) => (
							<li key={v.organisationId}>{t("initiative.invitedOrganisation", { organisation: v.organisationName })}</li>
						))}
					</ul>
				</section>
			)}
			<section aria-labelledby="initiative-goals">
				<h2 id="initiative-goals">{t("initiative.goals")}</h2>
				{data.canEdit && (
					<p>
						<a class="button" href={`/initiativ/${i.id}/mal/ny`}>
							{t("initiative.newGoal")}
						</a>
					</p>
				)}
				<GoalList ctx={ctx} goals={data.goals} caption={t("initiative.goalsCaption")} showOwner={false} />
			</section>
			<ArenaMeetingList ctx={ctx} meetings={data.meetings} headingId="initiative-meetings" title={t("initiative.meetings")} />
		</>
	);
}

/** The owners' form to change an initiative's title and description. */
export function InitiativeFormPage({ ctx, initiative, state }: { ctx: PageContext; initiative: InitiativeWithOwners; state: FormState }) {
	const { t } = ctx;
	const labels = { title: t("initiative.field.title"), description: t("initiative.field.description") };
	return (
		<>
			<p>
				<a href={`/initiativ/${initiative.id}`}>{initiative.title}</a>
			</p>
			<h1>{t("initiative.edit.title", { title: initiative.title })}</h1>
			<Form ctx={ctx} form={state} action={`/initiativ/${initiative.id}/andra`} labels={labels}>
				<TextField ctx={ctx} form={state} name="title" label={labels.title} required maxLength={limits.title} />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description} rows={8} hint={t("initiative.hint.maxChars", { max: limits.description })} maxLength={limits.description} />
			</Form>
		</>
	);
}

/** The owners' form to invite a further organisation to co-own an initiative. */
export function InvitationPage({ ctx, form }: { ctx: PageContext; form: Awaited<ReturnType<typeof invitationForm>> }) {
	const { t } = ctx;
	const { initiative, state } = form;
	const labels = { to: t("initiative.field.to"), message: t("initiative.field.message") };
	return (
		<>
			<p>
				<a href={`/initiativ/${initiative.id}`}>{initiative.title}</a>
			</p>
			<h1>{t("initiative.invite.title", { title: initiative.title })}</h1>
			<p>{t("initiative.invite.intro", { organisation: form.acting.name })}</p>
			{form.choices.length === 0 && !state.errors.to ? (
				<p>{t("initiative.invite.none")}</p>
			) : (
				<Form ctx={ctx} form={state} action={`/initiativ/${initiative.id}/bjud-in`} labels={labels} submit={t("initiative.invite.submit")}>
					<SelectField ctx={ctx} form={state} name="to" label={labels.to} required options={form.choices.map((o) => ({ value: o.id, label: o.name }))} />
					<TextArea ctx={ctx} form={state} name="message" label={labels.message} required rows={4} hint={t("initiative.hint.maxChars", { max: limits.message })} maxLength={limits.message} />
				</Form>
			)}
		</>
	);
}
