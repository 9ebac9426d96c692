import { formatDateTime } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField } from "../../ui/form.js";
import { Paragraphs } from "../../ui/text.js";
import { CheckboxGroup } from "../focus-areas/index.js";
import { stockholmParts } from "../../i18n/stockholm-time.js";
import { choiceFields, limits } from "./arenas.input.js";
import type { arenaList, arenaPage, MeetingForm, MeetingSummary } from "./arenas.service.js";

/** When a meeting is, in Swedish time: the start in full and the end's time of day. */
function when(ctx: PageContext, m: Pick<MeetingSummary, "startsAt" | "endsAt">): string {
	return ctx.t("arena.when", { start: formatDateTime(ctx.lang, m.startsAt), end: stockholmParts(m.endsAt).time });
}

function MeetingItems({ ctx, meetings, showArea }: { ctx: PageContext; meetings: MeetingSummary[]; showArea: boolean }) {
	return (
		<ul class="card-list">
			{meetings.map((m) => (
				<li key={m.id} class="card">
					<h3>
						<a href={`/arenor/${m.id}`}>{m.title}</a>
					</h3>
					<p class="meta">
						{when(ctx, m)} · {m.place}
						{showArea && ` · ${m.focusAreaName}`}
					</p>
				</li>
			))}
		</ul>
	);
}

/** A titled list of arena meetings for other pages (a focus area's upcoming meetings, those that dealt with a goal or initiative). */
export function ArenaMeetingList(props: { ctx: PageContext; meetings: MeetingSummary[]; headingId: string; title?: string; none?: string; showArea?: boolean }) {
	const { ctx, meetings } = props;
	if (meetings.length === 0 && !props.none) return null;
	return (
		<section aria-labelledby={props.headingId}>
			<h2 id={props.headingId}>{props.title ?? ctx.t("arena.list.upcomingIn")}</h2>
			{meetings.length === 0 ? <p>{props.none}</p> : <MeetingItems ctx={ctx} meetings={meetings} showArea={props.showArea ?? false} />}
		</section>
	);
}

/** The public list of arena meetings, coming and held, with the calendar feeds. */
export function ArenaListPage({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof arenaList>> }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("arena.title")}</h1>
			<p class="lead">{t("arena.intro")}</p>
			{data.canPlan && (
				<p>
					<a class="button" href="/arenor/ny">
						{t("arena.plan")}
					</a>
				</p>
			)}
			<ArenaMeetingList ctx={ctx} meetings={data.upcoming} headingId="arenas-upcoming" title={t("arena.upcoming")} none={t("arena.noneUpcoming")} showArea />
			<ArenaMeetingList ctx={ctx} meetings={data.past} headingId="arenas-past" title={t("arena.past")} none={t("arena.nonePast")} showArea />
			<ul>
				<li>
					<a href="/arenor.ics" type="text/calendar">
						{t("arena.calendar")}
					</a>
				</li>
				<li>
					<a href="/kalender.ics" type="text/calendar">
						{t("arena.programmeCalendar")}
					</a>
				</li>
			</ul>
		</>
	);
}

/** One arena meeting: when and where, agenda, notes, who took part and what it dealt with. */
export function ArenaPage({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof arenaPage>> }) {
	const { t } = ctx;
	const { meeting: m } = data;
	return (
		<>
			<p>
				<a href="/arenor">{t("arena.back")}</a>
			</p>
			<h1>{m.title}</h1>
			<dl class="facts">
				<dt>{t("arena.focusArea")}</dt>
				<dd>
					<a href={`/fokusomraden/${m.focusAreaId}`}>{m.focusAreaName}</a>
				</dd>
				<dt>{t("arena.time")}</dt>
				<dd>{when(ctx, m)}</dd>
				<dt>{t("arena.place")}</dt>
				<dd>{m.place}</dd>
			</dl>
			{data.canEdit && (
				<p>
					<a class="button" href={`/arenor/${m.id}/andra`}>
						{t("arena.edit")}
					</a>
				</p>
			)}
			<section aria-labelledby="arena-agenda">
				<h2 id="arena-agenda">{t("arena.agenda")}</h2>
				{m.agenda ? <Paragraphs text={m.agenda} /> : <p>{t("arena.noAgenda")}</p>}
			</section>
			<section aria-labelledby="arena-notes">
				<h2 id="arena-notes">{t("arena.notes")}</h2>
				{m.notes ? <Paragraphs text={m.notes} /> : <p>{t("arena.noNotes")}</p>}
			</section>
			<section aria-labelledby="arena-organisations">
				<h2 id="arena-organisations">{t("arena.organisations")}</h2>
				{data.organisations.length === 0 ? (
					<p>{t("arena.noOrganisations")}</p>
				) : (
					<ul>
						{data.organisations.map((o) => (
							<li key={o.id}>
								<a href={`/aktorer/${o.id}`}>{o.name}</a>
							</li>
						))}
					</ul>
				)}
			</section>
			<section aria-labelledby="arena-dealt-with">
				<h2 id="arena-dealt-with">{t("arena.dealtWith")}</h2>
				{data.goals.length === 0 && data.initiatives.length === 0 && <p>{t("arena.nothingDealtWith")}</p>}
				{data.goals.length > 0 && (
					<>
						<h3>{t("arena.goals")}</h3>
						<ul>
							{data.goals.map((g) => (
								<li key={g.id}>
									<a href={`/mal/${g.id}`}>{t("arena.goalOf", { goal: g.name, owner: g.ownerName })}</a>
								</li>
							))}
						</ul>
					</>
				)}
				{data.initiatives.length > 0 && (
					<>
						<h3>{t("arena.initiatives")}</h3>
						<ul>
							{data.initiatives.map((i) => (
								<li key={i.id}>
									<a href={`/initiativ/${i.id}`}>{i.name}</a>
								</li>
							))}
						</ul>
					</>
				)}
			</section>
		</>
	);
}

/** The areas a person may plan a meeting in, each a link to its form. */
export function ChooseAreaPage({ ctx, areas }: { ctx: PageContext; areas: { id: string; name: string }[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/arenor">{t("arena.back")}</a>
			</p>
			<h1>{t("arena.new.title")}</h1>
			<p>{t("arena.new.chooseArea")}</p>
			<ul>
				{areas.map((a) => (
					<li key={a.id}>
						<a href={`/arenor/ny?omrade=${a.id}`}>{t("arena.new.inArea", { area: a.name })}</a>
					</li>
				))}
			</ul>
		</>
	);
}

/** The form to plan a meeting or change one: details, agenda, notes, who took part and what it dealt with. */
export function MeetingFormPage({ ctx, form }: { ctx: PageContext; form: MeetingForm }) {
	const { t } = ctx;
	const { state, meeting } = form;
	const labels = {
		title: t("arena.field.title"),
		date: t("arena.field.date"),
		startTime: t("arena.field.startTime"),
		endTime: t("arena.field.endTime"),
		place: t("arena.field.place"),
		agenda: t("arena.field.agenda"),
		notes: t("arena.field.notes"),
		[choiceFields.organisations]: t("arena.field.organisations"),
		[choiceFields.goals]: t("arena.field.goals"),
		[choiceFields.initiatives]: t("arena.field.initiatives"),
	};
	const heading = meeting ? t("arena.edit.title", { title: meeting.title }) : t("arena.new.inArea", { area: form.focusArea.name });
	const action = meeting ? `/arenor/${meeting.id}/andra` : `/arenor/ny?omrade=${form.focusArea.id}`;
	return (
		<>
			<p>
				<a href={meeting ? `/arenor/${meeting.id}` : "/arenor"}>{meeting ? meeting.title : t("arena.back")}</a>
			</p>
			<h1>{heading}</h1>
			<Form ctx={ctx} form={state} action={action} labels={labels}>
				<TextField ctx={ctx} form={state} name="title" label={labels.title} required maxLength={limits.title} />
				<TextField ctx={ctx} form={state} name="date" label={labels.date} hint={t("arena.hint.date")} required />
				<TextField ctx={ctx} form={state} name="startTime" label={labels.startTime} hint={t("arena.hint.time")} required />
				<TextField ctx={ctx} form={state} name="endTime" label={labels.endTime} hint={t("arena.hint.time")} required />
				<TextField ctx={ctx} form={state} name="place" label={labels.place} required maxLength={limits.place} />
				<TextArea ctx={ctx} form={state} name="agenda" label={labels.agenda} hint={t("arena.hint.maxChars", { max: limits.agenda })} maxLength={limits.agenda} />
				<TextArea ctx={ctx} form={state} name="notes" label={labels.notes} hint={t("arena.hint.notes", { max: limits.notes })} maxLength={limits.notes} />
				<CheckboxGroup
					ctx={ctx}
					form={state}
					name={choiceFields.organisations}
					legend={labels[choiceFields.organisations]}
					empty={t("arena.noOrganisationChoices")}
					options={form.choices.organisations}
					checked={form.chosen.organisations}
				/>
				<CheckboxGroup
					ctx={ctx}
					form={state}
					name={choiceFields.goals}
					legend={labels[choiceFields.goals]}
					empty={t("arena.noGoalChoices")}
					options={form.choices.goals.map((g) => ({ id: g.id, name: t("arena.goalOf", { goal: g.name, owner: g.ownerName }) }))}
					checked={form.chosen.goals}
				/>
				<CheckboxGroup
					ctx={ctx}
					form={state}
					name={choiceFields.initiatives}
					legend={labels[choiceFields.initiatives]}
					empty={t("arena.noInitiativeChoices")}
					options={form.choices.initiatives}
					checked={form.chosen.initiatives}
				/>
			</Form>
		</>
	);
}
