import { formatDateTime } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { formState } from "../../ui/forms.js";
import { Paragraphs } from "../../ui/text.js";
import { limits } from "./collaboration.input.js";
import type { RequestView } from "./collaboration.repo.js";
import type { inbox, ProposalForm, RelatedGoal, RequestForms, requestPage } from "./collaboration.service.js";
import { GoalStatus, ownerHref } from "../goals/index.js";

/**
 * Other actors' related goals with why each is related; a member of an actor gets a link to propose a collaboration
 * with each goal's organisation, from `fromOrganisationId` (by default the first organisation they belong to).
 */
export function RelatedGoals(props: { ctx: PageContext; goals: RelatedGoal[]; fromGoalId?: string; fromOrganisationId?: string; headingId?: string }) {
	const { ctx, goals } = props;
	const { t } = ctx;
	const headingId = props.headingId ?? "related-goals";
	const from = props.fromOrganisationId ?? ctx.viewer?.memberships[0]?.organisationId;
	const proposeHref = (g: RelatedGoal) => {
		const query = new URLSearchParams({ to: g.owner.id, theirGoal: g.id, ...(props.fromGoalId ? { goal: props.fromGoalId } : {}) });
		return `/aktorer/${from}/samarbeten/ny?${query}`;
	};
	return (
		<section aria-labelledby={headingId}>
			<h2 id={headingId}>{t("collab.related.title")}</h2>
			{goals.length === 0 ? (
				<p>{t("collab.related.none")}</p>
			) : (
				<ul class="card-list">
					{goals.map((g) => (
						<li key={g.id} class="card">
							<h3>
								<a href={`/mal/${g.id}`}>{g.title}</a>
							</h3>
							<p class="meta">
								<a href={ownerHref(g.owner)}>{g.owner.name}</a> · <GoalStatus ctx={ctx} status={g.status} since={g.statusChangedOn} />
							</p>
							<p>{t("collab.related.why", { reasons: g.reasons.map((r) => t(`collab.related.reason.${r}`)).join(", ") })}</p>
							{from && g.owner.type === "organisation" && g.owner.id !== from && (
								<p>
									<a href={proposeHref(g)}>{t("collab.related.propose", { organisation: g.owner.name })}</a>
								</p>
							)}
						</li>
					))}
				</ul>
			)}
		</section>
	);
}

/** The form to propose a collaboration to another actor. */
export function ProposalPage({ ctx, form }: { ctx: PageContext; form: ProposalForm }) {
	const { t } = ctx;
	const { state } = form;
	const labels = { to: t("collab.field.to"), focusAreaId: t("collab.field.focusAreaId"), title: t("collab.field.title"), message: t("collab.field.message") };
	const about =
		form.goal && form.theirGoal
			? t("collab.new.about", { goal: form.goal.title, theirGoal: form.theirGoal.title })
			: form.theirGoal
				? t("collab.new.aboutTheirs", { theirGoal: form.theirGoal.title })
				: form.goal && t("collab.new.aboutOurs", { goal: form.goal.title });
	return (
		<>
			<p>
				<a href={`/aktorer/${form.organisation.id}/samarbeten`}>{t("collab.request.back", { organisation: form.organisation.name })}</a>
			</p>
			<h1>{t("collab.new.title")}</h1>
			<p>{t("collab.new.intro")}</p>
			{about && <p>{about}</p>}
			<Form ctx={ctx} form={state} action={`/aktorer/${form.organisation.id}/samarbeten/ny`} labels={labels} submit={t("collab.new.submit")}>
				<input type="hidden" name="goal" value={state.values.goal ?? ""} />
				<input type="hidden" name="theirGoal" value={state.values.theirGoal ?? ""} />
				<SelectField ctx={ctx} form={state} name="to" label={labels.to} required options={form.organisations.map((o) => ({ value: o.id, label: o.name }))} />
				<SelectField ctx={ctx} form={state} name="focusAreaId" label={labels.focusAreaId} required options={form.focusAreas.map((a) => ({ value: a.id, label: a.name }))} />
				<TextField ctx={ctx} form={state} name="title" label={labels.title} required maxLength={limits.title} />
				<TextArea ctx={ctx} form={state} name="message" label={labels.message} required hint={t("collab.hint.maxChars", { max: limits.message })} maxLength={limits.message} />
			</Form>
		</>
	);
}

function statusText(ctx: PageContext, v: RequestView): string {
	return ctx.t("collab.status.label", { status: ctx.t(`collab.status.${v.request.status}`) });
}

function RequestItems({ ctx, organisationId, rows, incoming }: { ctx: PageContext; organisationId: string; rows: RequestView[]; incoming: boolean }) {
	const { t, lang } = ctx;
	return (
		<ul class="card-list">
			{rows.map((v) => (
				<li key={v.request.id} class="card">
					<h3>
						<a href={`/aktorer/${organisationId}/samarbeten/${v.request.id}`}>{v.request.title}</a>
					</h3>
					<p class="meta">
						{incoming ? t("collab.inbox.from", { organisation: v.fromName }) : t("collab.inbox.to", { organisation: v.toName })} · {v.focusAreaName} ·{" "}
						{formatDateTime(lang, v.request.createdAt)}
					</p>
					<p>
						<strong>{statusText(ctx, v)}</strong>
					</p>
				</li>
			))}
		</ul>
	);
}

/** An organisation's collaboration requests, received and sent, with their status. */
export function InboxPage({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof inbox>> }) {
	const { t } = ctx;
	const { organisation } = data;
	return (
		<>
			<p>
				<a href={`/aktorer/${organisation.id}`}>{organisation.name}</a>
			</p>
			<h1>{t("collab.inbox.title", { organisation: organisation.name })}</h1>
			<p>{t("collab.inbox.intro")}</p>
			<p>
				<a class="button" href={`/aktorer/${organisation.id}/samarbeten/ny`}>
					{t("collab.inbox.new")}
				</a>
			</p>
			<section aria-labelledby="requests-incoming">
				<h2 id="requests-incoming">{t("collab.inbox.incoming")}</h2>
				{data.incoming.length === 0 ? <p>{t("collab.inbox.noneIncoming")}</p> : <RequestItems ctx={ctx} organisationId={organisation.id} rows={data.incoming} incoming />}
			</section>
			<section aria-labelledby="requests-outgoing">
				<h2 id="requests-outgoing">{t("collab.inbox.outgoing")}</h2>
				{data.outgoing.length === 0 ? <p>{t("collab.inbox.noneOutgoing")}</p> : <RequestItems ctx={ctx} organisationId={organisation.id} rows={data.outgoing} incoming={false} />}
			</section>
		</>
	);
}

/** One request: what was asked, its status and answer, and the forms to accept, decline or withdraw it. */
export function RequestPage(props: { ctx: PageContext; data: Awaited<ReturnType<typeof requestPage>>; forms?: RequestForms; error?: string }) {
	const { ctx, data } = props;
	const { t, lang } = ctx;
	const { view, organisation } = data;
	const r = view.request;
	const base = `/aktorer/${organisation.id}/samarbeten/${r.id}`;
	const acceptForm = props.forms?.accept ?? formState();
	const declineForm = props.forms?.decline ?? formState();
	return (
		<>
			<p>
				<a href={`/aktorer/${organisation.id}/samarbeten`}>{t("collab.request.back", { organisation: organisation.name })}</a>
			</p>
			<h1>{r.title}</h1>
			{props.error && (
				<div class="notice" role="alert">
					<p>{t(props.error, { status: t(`collab.status.${r.status}`) })}</p>
				</div>
			)}
			{data.invitation && view.initiativeTitle && <p>{t("collab.kind.initiative", { initiative: view.initiativeTitle })}</p>}
			<p class="meta">
				{t("collab.request.between", { from: view.fromName, to: view.toName })} · {t("collab.request.area", { area: view.focusAreaName })} ·{" "}
				{t("collab.request.sent", { at: formatDateTime(lang, r.createdAt) })}
			</p>
			<p>
				<strong>{statusText(ctx, view)}</strong>
			</p>
			<Paragraphs text={r.message} />
			{(view.fromGoalTitle || view.toGoalTitle) && (
				<>
					<h2>{t("collab.request.goals")}</h2>
					<ul>
						{r.fromGoalId && view.fromGoalTitle && (
							<li>
								<a href={`/mal/${r.fromGoalId}`}>{view.fromGoalTitle}</a> ({view.fromName})
							</li>
						)}
						{r.toGoalId && view.toGoalTitle && (
							<li>
								<a href={`/mal/${r.toGoalId}`}>{view.toGoalTitle}</a> ({view.toName})
							</li>
						)}
					</ul>
				</>
			)}
			{r.respondedAt && r.status !== "withdrawn" && (
				<section aria-labelledby="request-answer">
					<h2 id="request-answer">{t("collab.request.response")}</h2>
					<p class="meta">{t("collab.request.answeredAt", { at: formatDateTime(lang, r.respondedAt) })}</p>
					<Paragraphs text={r.response} />
				</section>
			)}
			{r.status === "accepted" && r.initiativeId && view.initiativeTitle && (
				<p>
					{t("collab.request.initiative")}
					<a href={`/initiativ/${r.initiativeId}`}>{view.initiativeTitle}</a>
				</p>
			)}
			{data.canAnswer && (
				<>
					<section aria-labelledby="request-accept">
						<h2 id="request-accept">{t("collab.accept.title")}</h2>
						<Form ctx={ctx} form={acceptForm} action={`${base}/acceptera`} labels={{ response: t("collab.field.response") }} submit={t("collab.accept.submit")}>
							<TextArea ctx={ctx} form={acceptForm} name="response" label={t("collab.field.response")} rows={3} hint={t("collab.hint.response", { max: limits.response })} maxLength={limits.response} />
						</Form>
					</section>
					<section aria-labelledby="request-decline">
						<h2 id="request-decline">{t("collab.decline.title")}</h2>
						<Form ctx={ctx} form={declineForm} action={`${base}/avboj`} labels={{ reason: t("collab.field.reason") }} submit={t("collab.decline.submit")}>
							<TextArea ctx={ctx} form={declineForm} name="reason" label={t("collab.field.reason")} required rows={3} hint={t("collab.hint.reason", { max: limits.response })} maxLength={limits.response} />
						</Form>
					</section>
				</>
			)}
			{data.canWithdraw && (
				<section aria-labelledby="request-withdraw">
					<h2 id="request-withdraw">{t("collab.withdraw.title")}</h2>
					<p>{t("collab.withdraw.intro")}</p>
					<Form ctx={ctx} form={formState()} action={`${base}/aterkalla`} labels={{}} submit={t("collab.withdraw.submit")}>
						{null}
					</Form>
				</section>
			)}
		</>
	);
}

