import { formatDate, formatDateTime } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import type { Round } from "./followup.repo.js";
import { type OwnerProgress, type RoundState, roundState } from "./rounds.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

function StateBadge({ ctx, state }: { ctx: PageContext; state: RoundState }) {
	return <span class={`badge badge-${state}`}>{ctx.t(`followup.state.${state}`)}</span>;
}

/** A button that posts to an action of the round, e.g. opening it. */
function ActionButton({ ctx, action, label }: { ctx: PageContext; action: string; label: string }) {
	return (
		<form method="post" action={action} class="inline-form">
			<input type="hidden" name="_csrf" value={ctx.csrfToken} />
			<button type="submit">{label}</button>
		</form>
	);
}

/** The coordinator's rounds, with the form for a new one. */
export function AdminRoundsPage({ ctx, rounds, form }: { ctx: PageContext; rounds: Round[]; form: FormState }) {
	const { t } = ctx;
	const labels = { title: t("followup.field.title"), periodStart: t("followup.field.periodStart"), periodEnd: t("followup.field.periodEnd"), deadline: t("followup.field.deadline") };
	return (
		<>
			<p>
				<a href="/admin">{t("followup.admin.back")}</a>
			</p>
			<h1>{t("followup.admin.title")}</h1>
			<PageHelp ctx={ctx} page="followup" />
			<p class="lead">{t("followup.admin.intro")}</p>
			{rounds.length === 0 ? (
				<p>{t("followup.admin.none")}</p>
			) : (
				<TableScroll label={t("followup.admin.caption")}>
					<table>
						<caption>{t("followup.admin.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{labels.title}</th>
								<th scope="col">{t("followup.periodHeader")}</th>
								<th scope="col">{labels.deadline}</th>
								<th scope="col">{t("followup.state")}</th>
							</tr>
						</thead>
						<tbody>
							{rounds.map((r) => (
								<tr key={r.id}>
									<td>
										<a href={`/admin/uppfoljning/${r.id}`}>{r.title}</a>
									</td>
									<td>
										{formatDate(ctx.lang, r.periodStart)}–{formatDate(ctx.lang, r.periodEnd)}
									</td>
									<td>{formatDate(ctx.lang, r.deadline)}</td>
									<td>
										<StateBadge ctx={ctx} state={roundState(r)} />
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<h2>{t("followup.admin.new")}</h2>
			<Form ctx={ctx} form={form} action="/admin/uppfoljning" labels={labels} submit={t("followup.admin.create")}>
				<TextField ctx={ctx} form={form} name="title" label={labels.title} hint={t("followup.hint.title")} required maxLength={200} />
				<TextField ctx={ctx} form={form} name="periodStart" label={labels.periodStart} type="date" required />
				<TextField ctx={ctx} form={form} name="periodEnd" label={labels.periodEnd} type="date" required />
				<TextField ctx={ctx} form={form} name="deadline" label={labels.deadline} type="date" required />
			</Form>
		</>
	);
}

/** One round for the coordinator: what happens next, who has reported, and the actions its state allows. */
export function AdminRoundPage({ ctx, round, state, owners }: { ctx: PageContext; round: Round; state: RoundState; owners: OwnerProgress[] }) {
	const { t } = ctx;
	const base = `/admin/uppfoljning/${round.id}`;
	return (
		<>
			<p>
				<a href="/admin/uppfoljning">{t("followup.admin.backToRounds")}</a>
			</p>
			<h1>{round.title}</h1>
			<p class="lead">
				{t("followup.period", { from: formatDate(ctx.lang, round.periodStart), to: formatDate(ctx.lang, round.periodEnd) })} · {t("followup.field.deadline")}{" "}
				{formatDate(ctx.lang, round.deadline)} · <StateBadge ctx={ctx} state={state} />
			</p>
			<p>{t(`followup.round.whatNext.${state}`)}</p>
			<p class="actions">
				{state === "draft" && <a class="button" href={`${base}/oppna`}>{t("followup.round.open")}</a>}
				{state === "open" && <ActionButton ctx={ctx} action={`${base}/paminn`} label={t("followup.round.remindAll")} />}
				{state === "open" && <a class="button" href={`${base}/publicera`}>{t("followup.round.publish")}</a>}{" "}
				<a href={`/uppfoljning/${round.id}`}>{t(state === "published" ? "followup.round.report" : "followup.round.preview")}</a>
			</p>
			<h2>{t("followup.round.owners")}</h2>
			{owners.length === 0 ? (
				<p>{t("followup.round.noOwners")}</p>
			) : (
				<TableScroll label={t("followup.round.ownersCaption")}>
					<table>
						<caption>{t("followup.round.ownersCaption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("followup.round.owner")}</th>
								<th scope="col">{t("followup.round.reported")}</th>
								<th scope="col">{t("followup.round.reminded")}</th>
								{state === "open" && <td />}
							</tr>
						</thead>
						<tbody>
							{owners.map((o) => (
								<tr key={o.owner.id}>
									<th scope="row">{o.owner.name}</th>
									<td>{t("followup.round.reportedOf", { reported: o.reported, goals: o.goals })}</td>
									<td>{o.remindedAt ? formatDateTime(ctx.lang, o.remindedAt) : t("followup.round.neverReminded")}</td>
									{state === "open" && (
										<td>
											{o.reported < o.goals && (
												<form method="post" action={`${base}/paminn`} class="inline-form">
													<input type="hidden" name="_csrf" value={ctx.csrfToken} />
													<input type="hidden" name="owner" value={o.owner.id} />
													<button type="submit" class="secondary">
														{t("followup.round.remind", { owner: o.owner.name })}
													</button>
												</form>
											)}
										</td>
									)}
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</>
	);
}

/** Asks before a step that cannot be undone: opening a round (texts become what actors report on) or publishing it. */
export function ConfirmPage({ ctx, round, step }: { ctx: PageContext; round: Round; step: "open" | "publish" }) {
	const { t } = ctx;
	const base = `/admin/uppfoljning/${round.id}`;
	return (
		<>
			<p>
				<a href={base}>{round.title}</a>
			</p>
			<h1>{t(`followup.round.${step}`)}</h1>
			<p>{t(`followup.round.${step}Confirm`)}</p>
			<ActionButton ctx={ctx} action={`${base}/${step === "open" ? "oppna" : "publicera"}`} label={t(`followup.round.${step}`)} />
		</>
	);
}
