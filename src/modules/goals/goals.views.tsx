import { Downloads, TableScroll } from "../../ui/components.js";
import { PageSections } from "../../ui/sections.js";
import { formatDate, formatDateRange, formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { Paragraphs } from "../../ui/text.js";
import { ArenaMeetingList } from "../arenas/index.js";
import { ConcerningDecisions } from "../decisions/index.js";
import { CheckboxGroup } from "../focus-areas/index.js";
import { LatestValues, ProgressNote } from "../indicators/index.js";
import { RelatedGoals } from "../collaboration/index.js";
import { furtherAreasField, limits } from "./goals.input.js";
import type { GoalOwner, GoalRow } from "./goals.repo.js";
import { type GoalStatus as Status, goalStatuses } from "./goals.schema.js";
import type { GoalForm, GoalPageData, goalList, VersionEntry } from "./goals.service.js";

// A symbol per status so the status is never told by colour alone; the text always follows it.
const statusIcons: Record<Status, string> = {
	not_started: "○",
	on_track: "✓",
	at_risk: "⚠",
	off_track: "✗",
	achieved: "★",
	discontinued: "⊘",
};

/** A goal's or an activity's status as an icon and text, optionally with the date it applies from. */
export function GoalStatus({ ctx, status, since }: { ctx: PageContext; status: Status; since?: string | null }) {
	return (
		<span class={`goal-status goal-status-${status}`}>
			<span aria-hidden="true">{statusIcons[status]}</span> {ctx.t(`goal.status.${status}`)}
			{since && <span class="meta"> ({ctx.t("goal.page.statusSince", { date: formatDate(ctx.lang, since) })})</span>}
		</span>
	);
}

/** Where a goal's owner is shown: an organisation's profile or a joint initiative's page. */
export const ownerHref = (owner: GoalOwner) => (owner.type === "organisation" ? `/aktorer/${owner.id}` : `/initiativ/${owner.id}`);

/** An organisation's goals on its profile page. */
export function OrganisationGoals({ ctx, data }: { ctx: PageContext; data: GoalRow[] }) {
	const { t } = ctx;
	const name = data[0]?.owner.name ?? "";
	return (
		<>
			<h2>{t("goal.onProfile.heading")}</h2>
			<GoalList ctx={ctx} goals={data} showOwner={false} caption={t("goal.onProfile.caption", { name })} />
		</>
	);
}

/** A table of goals with owner, period and status; `caption` names the table for screen readers. */
export function GoalList({ ctx, goals, caption, showOwner = true }: { ctx: PageContext; goals: GoalRow[]; caption?: string; showOwner?: boolean }) {
	const { t, lang } = ctx;
	if (goals.length === 0) return <p>{t("goal.list.none")}</p>;
	// Most goals share a handful of periods (a mandate period, a year): formatting each once keeps a focus area with thousands of goals fast.
	const periods = new Map<string, string>();
	const period = (g: GoalRow) => {
		const key = `${g.periodStart}/${g.periodEnd}`;
		let text = periods.get(key);
		if (text === undefined) {
			text = formatDateRange(lang, g.periodStart, g.periodEnd);
			periods.set(key, text);
		}
		return text;
	};
	return (
		<TableScroll label={caption ?? t("goal.list.caption")}>
			<table>
				<caption>{caption ?? t("goal.list.caption")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("goal.col.title")}</th>
						{showOwner && <th scope="col">{t("goal.col.owner")}</th>}
						<th scope="col">{t("goal.col.period")}</th>
						<th scope="col">{t("goal.col.status")}</th>
					</tr>
				</thead>
				<tbody>
					{goals.map((g) => (
						<tr key={g.id}>
							<th scope="row">
								<a href={`/mal/${g.id}`}>{g.title}</a>
							</th>
							{showOwner && (
								<td>
									<a href={ownerHref(g.owner)}>{g.owner.name}</a>
								</td>
							)}
							<td>{period(g)}</td>
							<td>
								<GoalStatus ctx={ctx} status={g.status} since={g.statusChangedOn} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</TableScroll>
	);
}

const statusOptions = (t: PageContext["t"]) => goalStatuses.map((s) => ({ value: s, label: t(`goal.status.${s}`) }));

type ListData = Awaited<ReturnType<typeof goalList>>;

/** The public list of goals with filters, search and downloads. */
export function GoalsPage({ ctx, data }: { ctx: PageContext; data: ListData }) {
	const { t, lang } = ctx;
	const { filters } = data;
	const form = formState({ focusArea: filters.focusAreaId ?? "", organisation: filters.organisationId ?? "", status: filters.status ?? "", q: filters.q ?? "" });
	return (
		<>
			<h1>{t("goal.list.title")}</h1>
			<p class="lead">{t("goal.list.intro")}</p>
			{data.mine.length > 0 && (
				<ul class="inline-list">
					{data.mine.map((o) => (
						<li key={o.id}>
							<a href={`/aktorer/${o.id}/mal/ny`}>{t("goal.new.title", { owner: o.name })}</a>
						</li>
					))}
				</ul>
			)}
			<form method="get" action="/mal" class="filters" aria-label={t("goal.list.filters")}>
					<TextField ctx={ctx} form={form} name="q" label={t("goal.list.q")} />
					<SelectField ctx={ctx} form={form} name="focusArea" label={t("goal.field.focusAreaId")} options={data.areas.map((a) => ({ value: a.id, label: a.name }))} />
					<SelectField ctx={ctx} form={form} name="organisation" label={t("goal.page.owner")} options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} />
					<SelectField ctx={ctx} form={form} name="status" label={t("goal.field.status")} options={statusOptions(t)} />
					<button type="submit">{t("goal.list.filter")}</button>
			</form>
			<p role="status">{t(data.goals.length === 1 ? "goal.list.count.one" : "goal.list.count.other", { count: formatNumber(lang, data.goals.length) })}</p>
			<GoalList ctx={ctx} goals={data.goals} />
			<h2>{t("goal.list.export")}</h2>
			<Downloads ctx={ctx} xlsx="/mal.xlsx" csvExcel="/mal.csv?sep=semicolon" csv="/mal.csv" />
			<p>
				<a href="/mal.json">{t("goal.list.json")}</a>
			</p>
		</>
	);
}

/** Field names in the version history, by the snapshot's keys. */
const versionFieldKeys: Record<VersionEntry["changed"][number], string> = {
	title: "goal.field.title",
	description: "goal.field.description",
	focusAreaIds: "goal.page.focusAreas",
	unit: "goal.field.unit",
	periodStart: "goal.field.periodStart",
	periodEnd: "goal.field.periodEnd",
	responsible: "goal.field.responsible",
	decisionItemId: "goal.field.decisionItemId",
	expectedResult: "goal.field.expectedResult",
	targetIndicatorId: "goal.field.targetIndicatorId",
	targetValue: "goal.field.targetValue",
	targetYear: "goal.field.targetYear",
	parentId: "goal.field.parentId",
	status: "goal.field.status",
	statusChangedOn: "goal.field.changedOn",
};

function Target({ ctx, data }: { ctx: PageContext; data: GoalPageData }) {
	const { t, lang } = ctx;
	const { goal, target, progress } = data;
	if (!target) return null;
	const value = goal.targetValue === null ? "–" : formatNumber(lang, Number(goal.targetValue), Number.isInteger(Number(goal.targetValue)) ? 0 : 2);
	const params = { indicator: target.title, value, unit: target.unit, year: goal.targetYear ?? "" };
	return (
		<>
			<dt>{t("goal.page.target")}</dt>
			<dd>
				{t(goal.targetYear ? "goal.page.targetText" : "goal.page.targetNoYear", params)}
				<LatestValues ctx={ctx} indicator={target} />
				{progress && <ProgressNote ctx={ctx} progress={progress} indicatorTitle={target.title} />}
			</dd>
		</>
	);
}

/** A goal's public page: the goal, its target and status, parent and sub-goals, activities, history and comments. */
export function GoalPage({ ctx, data, commentForm }: { ctx: PageContext; data: GoalPageData; commentForm?: FormState }) {
	const { t, lang } = ctx;
	const { goal, owner } = data;
	return (
		<>
			<p>
				<a href="/mal">{t("goal.page.back")}</a>
			</p>
			<h1>{goal.title}</h1>
			<p class="lead">
				<GoalStatus ctx={ctx} status={goal.status} since={goal.statusChangedOn} />
			</p>
			<Paragraphs text={goal.description} />
			{data.canEdit && (
				<nav aria-label={t("goal.page.manage")}>
					<ul class="inline-list">
						<li>
							<a href={`/mal/${goal.id}/andra`}>{t("goal.action.edit")}</a>
						</li>
						<li>
							<a href={`/mal/${goal.id}/status`}>{t("goal.action.status")}</a>
						</li>
						<li>
							<a href={`/mal/${goal.id}/delmal/ny`}>{t("goal.action.newSub")}</a>
						</li>
						<li>
							<a href={`/mal/${goal.id}/aktiviteter/ny`}>{t("goal.action.newActivity")}</a>
						</li>
					</ul>
				</nav>
			)}
			<h2>{t("goal.page.details")}</h2>
			<dl class="facts">
				<dt>{t("goal.page.owner")}</dt>
				<dd>
					<a href={ownerHref(owner)}>{owner.name}</a>
				</dd>
				{goal.unit && (
					<>
						<dt>{t("goal.page.unit")}</dt>
						<dd>{goal.unit}</dd>
					</>
				)}
				<dt>{t("goal.page.focusAreas")}</dt>
				<dd>
					{data.areas.map((a, i) => (
						<span key={a.id}>
							{i > 0 && ", "}
							<a href={`/fokusomraden/${a.id}`}>{a.name}</a>
						</span>
					))}
				</dd>
				<dt>{t("goal.page.period")}</dt>
				<dd>{formatDateRange(lang, goal.periodStart, goal.periodEnd)}</dd>
				{goal.responsible && (
					<>
						<dt>{t("goal.page.responsible")}</dt>
						<dd>{goal.responsible}</dd>
					</>
				)}
				<dt>{t("goal.page.status")}</dt>
				<dd>
					<GoalStatus ctx={ctx} status={goal.status} since={goal.statusChangedOn} />
				</dd>
				<Target ctx={ctx} data={data} />
				{data.parent && (
					<>
						<dt>{t("goal.page.parent")}</dt>
						<dd>
							<a href={`/mal/${data.parent.id}`}>{data.parent.title}</a>
						</dd>
					</>
				)}
			</dl>
			<PageSections ctx={ctx} sections={data.sections} />
			{goal.expectedResult && (
				<section aria-labelledby="goal-expected">
					<h2 id="goal-expected">{t("goal.page.expectedResult")}</h2>
					<Paragraphs text={goal.expectedResult} />
				</section>
			)}
			<ConcerningDecisions ctx={ctx} items={data.decisions} headingId="goal-decisions" />
			<section aria-labelledby="goal-subgoals">
				<h2 id="goal-subgoals">{t("goal.page.subGoals")}</h2>
				{data.subGoals.length === 0 ? <p>{t("goal.page.noSubGoals")}</p> : <GoalList ctx={ctx} goals={data.subGoals} caption={t("goal.page.subGoals")} />}
			</section>
			<Activities ctx={ctx} data={data} />
			<section aria-labelledby="goal-status-history">
				<h2 id="goal-status-history">{t("goal.page.statusHistory")}</h2>
				{data.statusChanges.length === 0 ? (
					<p>{t("goal.page.noStatusChanges")}</p>
				) : (
					<ol>
						{data.statusChanges.map((c) => (
							<li key={`${c.changedOn}-${c.createdAt.toISOString()}`}>
								<GoalStatus ctx={ctx} status={c.status} since={c.changedOn} />
								{c.reason && <p>{c.reason}</p>}
							</li>
						))}
					</ol>
				)}
			</section>
			<section aria-labelledby="goal-versions">
				<h2 id="goal-versions">{t("goal.page.versions")}</h2>
				<ol>
					{data.versions.map((v) => (
						<li key={v.version}>
							<strong>{t("goal.page.version", { version: v.version })}</strong>, {formatDateTime(lang, v.changedAt)}
							{v.organisationName && ` ${t("goal.page.versionBy", { organisation: v.organisationName })}`}:{" "}
							{v.version === 1
								? t("goal.page.versionCreated")
								: v.changed.length === 0
									? t("goal.page.versionUnchanged")
									: t("goal.page.versionChanged", { fields: v.changed.map((f) => t(versionFieldKeys[f])).join(", ") })}
						</li>
					))}
				</ol>
			</section>
			<ArenaMeetingList ctx={ctx} meetings={data.meetings} headingId="goal-meetings" title={t("arena.list.dealtWithIn")} showArea={false} />
			<RelatedGoals
				ctx={ctx}
				goals={data.related}
				headingId="goal-related"
				{...(data.canEdit && owner.type === "organisation" ? { fromGoalId: goal.id, fromOrganisationId: owner.id } : {})}
			/>
			<Comments ctx={ctx} data={data} form={commentForm} />
		</>
	);
}

function Activities({ ctx, data }: { ctx: PageContext; data: GoalPageData }) {
	const { t, lang } = ctx;
	return (
		<section aria-labelledby="goal-activities">
			<h2 id="goal-activities">{t("goal.page.activities")}</h2>
			{data.activities.length === 0 ? (
				<p>{t("goal.page.noActivities")}</p>
			) : (
				<TableScroll label={t("goal.activity.caption")}>
					<table>
						<caption>{t("goal.activity.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("goal.activity.title")}</th>
								<th scope="col">{t("goal.col.period")}</th>
								<th scope="col">{t("goal.col.status")}</th>
								<th scope="col">{t("goal.activity.owner")}</th>
							</tr>
						</thead>
						<tbody>
							{data.activities.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										{a.title}
										{data.canEdit && (
											<>
												{" "}
												<a href={`/mal/${data.goal.id}/aktiviteter/${a.id}/andra`} aria-label={`${t("goal.action.editActivity")}: ${a.title}`}>
													({t("goal.action.editActivity")})
												</a>
											</>
										)}
										{a.description && <p class="meta">{a.description}</p>}
									</th>
									<td>{formatDateRange(lang, a.startsOn, a.endsOn)}</td>
									<td>
										<GoalStatus ctx={ctx} status={a.status} />
									</td>
									<td>{a.owner}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</section>
	);
}

function Comments({ ctx, data, form }: { ctx: PageContext; data: GoalPageData; form?: FormState }) {
	const { t, lang } = ctx;
	const state = form ?? formState();
	return (
		<section aria-labelledby="goal-comments">
			<h2 id="goal-comments">{t("goal.page.comments")}</h2>
			{data.comments.length === 0 ? (
				<p>{t("goal.page.noComments")}</p>
			) : (
				<ol>
					{data.comments.map((c) => (
						<li key={c.id}>
							<p class="meta">
								{c.organisationName ? t("goal.page.commentFrom", { organisation: c.organisationName }) : t("goal.page.commentAnonymous")}, {formatDateTime(lang, c.createdAt)}
							</p>
							<Paragraphs text={c.body} />
						</li>
					))}
				</ol>
			)}
			{data.canComment ? (
				<Form ctx={ctx} form={state} action={`/mal/${data.goal.id}/kommentarer`} labels={{ body: t("goal.field.body") }} submit={t("goal.action.comment")}>
					<TextArea ctx={ctx} form={state} name="body" label={t("goal.field.body")} required maxLength={limits.comment} />
				</Form>
			) : (
				<p class="meta">{t("goal.page.commentWho")}</p>
			)}
		</section>
	);
}

/** The form to create or change a goal. */
export function GoalFormPage({ ctx, form, title }: { ctx: PageContext; form: GoalForm; title: string }) {
	const { t } = ctx;
	const { state } = form;
	const labels: Record<string, string> = Object.fromEntries(
		["title", "description", "focusAreaId", "focusAreaIds", "unit", "periodStart", "periodEnd", "responsible", "decisionItemId", "expectedResult", "targetIndicatorId", "targetValue", "targetYear", "parentId"].map((f) => [f, t(`goal.field.${f}`)]),
	);
	const back = form.goal ? `/mal/${form.goal.id}` : ownerHref(form.owner);
	const areaOptions = form.areas.map((a) => ({ value: a.id, label: a.name }));
	return (
		<>
			<p>
				<a href={back}>{form.goal ? form.goal.title : form.owner.name}</a>
			</p>
			<h1>{title}</h1>
			<Form ctx={ctx} form={state} action={form.action} labels={labels}>
				<TextField ctx={ctx} form={state} name="title" label={labels.title!} required maxLength={limits.title} />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description!} maxLength={limits.text} />
				<SelectField ctx={ctx} form={state} name="focusAreaId" label={labels.focusAreaId!} required options={areaOptions} hint={t("goal.hint.focusAreaIds")} />
				<CheckboxGroup
					ctx={ctx}
					form={state}
					name={furtherAreasField}
					legend={labels.focusAreaIds!}
					options={form.areas}
					checked={form.furtherAreas}
					empty={t("goal.hint.focusAreaIds")}
				/>
				<SelectField ctx={ctx} form={state} name="parentId" label={labels.parentId!} options={form.parents.map((p) => ({ value: p.id, label: p.name }))} />
				<TextField ctx={ctx} form={state} name="unit" label={labels.unit!} hint={t("goal.hint.unit")} maxLength={limits.short} />
				<TextField ctx={ctx} form={state} name="periodStart" label={labels.periodStart!} hint={t("goal.hint.period")} required type="date" />
				<TextField ctx={ctx} form={state} name="periodEnd" label={labels.periodEnd!} hint={t("goal.hint.period")} required type="date" />
				<TextField ctx={ctx} form={state} name="responsible" label={labels.responsible!} hint={t("goal.hint.responsible")} maxLength={limits.short} />
				<SelectField
					ctx={ctx}
					form={state}
					name="decisionItemId"
					label={labels.decisionItemId!}
					hint={t("goal.hint.decision")}
					options={form.decisions.map((d) => ({ value: d.id, label: `${d.bodyName} ${formatDate(ctx.lang, d.decidedOn)} § ${d.paragraph}: ${d.title}` }))}
				/>
				<TextArea ctx={ctx} form={state} name="expectedResult" label={labels.expectedResult!} maxLength={limits.text} />
				<SelectField
					ctx={ctx}
					form={state}
					name="targetIndicatorId"
					label={labels.targetIndicatorId!}
					hint={t("goal.hint.target")}
					options={form.indicators.map((i) => ({ value: i.id, label: i.unit ? `${i.title} (${i.unit})` : i.title }))}
				/>
				<TextField ctx={ctx} form={state} name="targetValue" label={labels.targetValue!} inputmode="numeric" />
				<TextField ctx={ctx} form={state} name="targetYear" label={labels.targetYear!} inputmode="numeric" />
			</Form>
		</>
	);
}

/** The form to change a goal's status with date and reason. */
export function StatusFormPage({ ctx, goal, state }: { ctx: PageContext; goal: { id: string; title: string }; state: FormState }) {
	const { t } = ctx;
	const labels = { status: t("goal.field.status"), changedOn: t("goal.field.changedOn"), reason: t("goal.field.reason") };
	return (
		<>
			<p>
				<a href={`/mal/${goal.id}`}>{goal.title}</a>
			</p>
			<h1>{t("goal.status.title", { goal: goal.title })}</h1>
			<Form ctx={ctx} form={state} action={`/mal/${goal.id}/status`} labels={labels}>
				<SelectField ctx={ctx} form={state} name="status" label={labels.status} required options={statusOptions(t)} />
				<TextField ctx={ctx} form={state} name="changedOn" label={labels.changedOn} hint={t("goal.hint.period")} required type="date" />
				<TextArea ctx={ctx} form={state} name="reason" label={labels.reason} hint={t("goal.hint.reason")} maxLength={limits.reason} />
			</Form>
		</>
	);
}

/** The form to add or change an activity of a goal. */
export function ActivityFormPage({ ctx, goal, activity, state }: { ctx: PageContext; goal: { id: string; title: string }; activity: { id: string; title: string } | null; state: FormState }) {
	const { t } = ctx;
	const labels = {
		title: t("goal.activity.title"),
		description: t("goal.activity.description"),
		startsOn: t("goal.activity.startsOn"),
		endsOn: t("goal.activity.endsOn"),
		status: t("goal.field.status"),
		owner: t("goal.activity.owner"),
	};
	return (
		<>
			<p>
				<a href={`/mal/${goal.id}`}>{goal.title}</a>
			</p>
			<h1>{activity ? t("goal.activity.edit", { activity: activity.title }) : t("goal.activity.new", { goal: goal.title })}</h1>
			<Form ctx={ctx} form={state} action={activity ? `/mal/${goal.id}/aktiviteter/${activity.id}/andra` : `/mal/${goal.id}/aktiviteter/ny`} labels={labels}>
				<TextField ctx={ctx} form={state} name="title" label={labels.title} required maxLength={limits.title} />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description} maxLength={limits.text} />
				<TextField ctx={ctx} form={state} name="startsOn" label={labels.startsOn} hint={t("goal.hint.period")} required type="date" />
				<TextField ctx={ctx} form={state} name="endsOn" label={labels.endsOn} hint={t("goal.hint.period")} required type="date" />
				<SelectField ctx={ctx} form={state} name="status" label={labels.status} required options={statusOptions(t)} />
				<TextField ctx={ctx} form={state} name="owner" label={labels.owner} maxLength={limits.short} />
			</Form>
		</>
	);
}
