import type { Db } from "../../db/client.js";
import { memberOrganisationIds } from "../../lib/actor.js";
import { isUuid } from "../../lib/ids.js";
import type { CalendarEvent } from "../../lib/ics.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { focusAreaChoices, focusAreasOfAny } from "../focus-areas/index.js";
import { goalsInFocusArea } from "../goals/index.js";
import { organisationChoices } from "../organisations/index.js";
import { actorOf, getProgramme } from "../programmes/index.js";
import { stockholmInstant, stockholmParts } from "../../i18n/stockholm-time.js";
import { choiceFields, meetingInput } from "./arenas.input.js";
import * as policy from "./arenas.policy.js";
import * as repo from "./arenas.repo.js";

export type { MeetingSummary } from "./arenas.repo.js";

type Ref = repo.Ref;
type Choices = { organisations: string[]; goals: string[]; initiatives: string[] };

/** What the meeting form shows: the meeting (null when new), its area, the values, the choices and those chosen. */
export type MeetingForm = {
	meeting: repo.MeetingSummary | null;
	focusArea: Ref;
	state: FormState;
	chosen: Choices;
	choices: { organisations: Ref[]; goals: (Ref & { ownerName: string })[]; initiatives: Ref[] };
};

/** The facts the policy decides planning by; none are looked up for someone not signed in. */
async function plannerOf(db: Db, viewer: Viewer | null, programmeId: string): Promise<policy.Planner> {
	if (!viewer) return { viewer, coordinates: false, areas: [], theirAreas: [] };
	const [actor, areas, theirAreas] = await Promise.all([actorOf(db, viewer), focusAreaChoices(db, programmeId), focusAreasOfAny(db, memberOrganisationIds(viewer))]);
	return { ...actor, areas, theirAreas };
}

async function findOr404(db: Db, id: string): Promise<repo.MeetingSummary> {
	const programme = await getProgramme(db);
	const meeting = isUuid(id) ? await repo.findMeeting(db, programme.id, id) : undefined;
	if (!meeting) throw notFound();
	return meeting;
}

/** The public list: meetings still to come (soonest first) and those held (newest first), and whether the viewer may plan one. */
export async function arenaList(db: Db, viewer: Viewer | null, now = new Date()) {
	const programme = await getProgramme(db);
	const [meetings, areas] = await Promise.all([repo.listMeetings(db, programme.id), plannerOf(db, viewer, programme.id).then(policy.plannableAreas)]);
	return {
		upcoming: meetings.filter((m) => m.endsAt >= now),
		past: meetings.filter((m) => m.endsAt < now).reverse(),
		canPlan: areas.length > 0,
	};
}

/** A meeting's public page: the meeting, who took part, what it dealt with, and whether the viewer may change it. */
export async function arenaPage(db: Db, viewer: Viewer | null, id: string) {
	const meeting = await findOr404(db, id);
	const [organisations, goals, initiatives, canEdit] = await Promise.all([
		repo.meetingOrganisations(db, meeting.id),
		repo.meetingGoals(db, meeting.id),
		repo.meetingInitiatives(db, meeting.id),
		plannerOf(db, viewer, meeting.programmeId).then((p) => policy.mayPlanIn(p, meeting.focusAreaId)),
	]);
	return { meeting, organisations, goals, initiatives, canEdit };
}

async function formFor(db: Db, meeting: repo.MeetingSummary | null, focusArea: Ref, state: FormState, chosen: Choices): Promise<MeetingForm> {
	const [organisations, goals, initiatives] = await Promise.all([
		organisationChoices(db),
		goalsInFocusArea(db, focusArea.id),
		repo.initiativeChoices(db, focusArea.id),
	]);
	const goalChoices = goals.map((g) => ({ id: g.id, name: g.title, ownerName: g.owner.name }));
	return { meeting, focusArea, state, chosen, choices: { organisations, goals: goalChoices, initiatives } };
}

/** Planning a meeting: without an area, the areas the viewer may choose; with one, the empty form for it. */
export async function newMeetingPage(db: Db, viewer: Viewer | null, areaId: string | undefined): Promise<{ areas: Ref[] } | { form: MeetingForm }> {
	const programme = await getProgramme(db);
	const planner = await plannerOf(db, viewer, programme.id);
	if (areaId === undefined) return { areas: policy.requireSomeArea(planner) };
	const area = policy.requireAreaToPlan(planner, isUuid(areaId) ? areaId : "");
	return { form: await formFor(db, null, area, formState({ startTime: "18:00", endTime: "20:00" }), { organisations: [], goals: [], initiatives: [] }) };
}

/** A stored meeting, for someone who may change it; 404 for an unknown one. */
async function editableMeeting(db: Db, viewer: Viewer | null, id: string): Promise<repo.MeetingSummary> {
	const meeting = await findOr404(db, id);
	policy.requirePlanner(await plannerOf(db, viewer, meeting.programmeId), meeting.focusAreaId);
	return meeting;
}

const areaOf = (meeting: repo.MeetingSummary): Ref => ({ id: meeting.focusAreaId, name: meeting.focusAreaName });

/** A stored meeting in its form, for someone who may change it. */
export async function editMeetingPage(db: Db, viewer: Viewer | null, id: string): Promise<MeetingForm> {
	const meeting = await editableMeeting(db, viewer, id);
	const start = stockholmParts(meeting.startsAt);
	const state = formState({ ...meeting, date: start.date, startTime: start.time, endTime: stockholmParts(meeting.endsAt).time });
	const [organisations, goals, initiatives] = await Promise.all([
		repo.meetingOrganisations(db, meeting.id),
		repo.meetingGoals(db, meeting.id),
		repo.meetingInitiatives(db, meeting.id),
	]);
	const ids = (refs: Ref[]) => refs.map((r) => r.id);
	return formFor(db, meeting, areaOf(meeting), state, {
		organisations: ids(organisations),
		goals: ids(goals),
		initiatives: ids(initiatives),
	});
}

/** Checks the form and its choices; the first unknown choice is named on its group. */
function validate(form: MeetingForm, body: unknown) {
	const parsed = parseForm(meetingInput, body);
	let state = parsed.ok ? formState(body as Record<string, unknown>) : parsed.state;
	const unknown = (field: keyof Choices, key: string) => {
		const known = new Set(form.choices[field].map((c) => c.id));
		if (form.chosen[field].some((id) => !known.has(id))) state = withError(state, choiceFields[field], key);
	};
	unknown("organisations", "error.unknownOrganisation");
	unknown("goals", "arena.error.unknownGoal");
	unknown("initiatives", "arena.error.unknownInitiative");
	if (!parsed.ok || Object.keys(state.errors).length > 0) return { ok: false as const, form: { ...form, state } };
	const d = parsed.data;
	const values = { title: d.title, place: d.place, agenda: d.agenda, notes: d.notes, startsAt: stockholmInstant(d.date, d.startTime), endsAt: stockholmInstant(d.date, d.endTime) };
	return { ok: true as const, values };
}

/** Creates a meeting in a focus area from the form, with who took part and what it dealt with. */
export async function createMeeting(db: Db, viewer: Viewer | null, areaId: string | undefined, body: unknown, chosen: Choices) {
	const page = await newMeetingPage(db, viewer, areaId ?? "");
	if (!("form" in page)) throw notFound();
	const checked = validate({ ...page.form, chosen }, body);
	if (!checked.ok) return checked;
	const programme = await getProgramme(db);
	const id = await db.transaction(async (tx) => {
		const row = await repo.insertMeeting(tx, { ...checked.values, programmeId: programme.id, focusAreaId: page.form.focusArea.id });
		await repo.setMeetingLinks(tx, row.id, { organisationIds: chosen.organisations, goalIds: chosen.goals, initiativeIds: chosen.initiatives });
		return row.id;
	});
	return { ok: true as const, id };
}

/** Changes a meeting from the form: its details, agenda, notes, who took part and what it dealt with. */
export async function updateMeeting(db: Db, viewer: Viewer | null, id: string, body: unknown, chosen: Choices) {
	const meeting = await editableMeeting(db, viewer, id);
	// validate puts the typed values in the form it gives back, so the stored ones need not be loaded.
	const checked = validate(await formFor(db, meeting, areaOf(meeting), formState(), chosen), body);
	if (!checked.ok) return checked;
	await db.transaction(async (tx) => {
		await repo.updateMeeting(tx, meeting.id, checked.values);
		await repo.setMeetingLinks(tx, meeting.id, { organisationIds: chosen.organisations, goalIds: chosen.goals, initiativeIds: chosen.initiatives });
	});
	return { ok: true as const, id: meeting.id };
}

/** A focus area's meetings that have not ended yet, soonest first. */
export async function upcomingArenaMeetings(db: Db, focusAreaId: string, now = new Date()): Promise<repo.MeetingSummary[]> {
	return repo.listUpcoming(db, focusAreaId, now);
}

/** The meetings that dealt with a goal or with a joint initiative, newest first. */
export async function arenaMeetingsFor(db: Db, link: { goalId: string } | { initiativeId: string }): Promise<repo.MeetingSummary[]> {
	return repo.listMeetingsLinkedTo(db, link);
}

/** The programme's arena meetings as calendar events. */
export async function arenaEvents(db: Db, baseUrl: string): Promise<CalendarEvent[]> {
	const programme = await getProgramme(db);
	return (await repo.listMeetings(db, programme.id)).map((m) => ({
		uid: `arena-meeting-${m.id}@medskapa`,
		start: m.startsAt,
		end: m.endsAt,
		summary: m.title,
		location: m.place,
		description: [m.focusAreaName, m.agenda].filter(Boolean).join("\n\n"),
		url: `${baseUrl}/arenor/${m.id}`,
	}));
}

/** A meeting as the JSON API gives it, with the ids of who took part and what it dealt with. */
export type ApiMeeting = {
	id: string;
	title: string;
	focusAreaId: string;
	startsAt: string;
	endsAt: string;
	place: string;
	agenda: string;
	notes: string;
	organisationIds: string[];
	goalIds: string[];
	initiativeIds: string[];
};

async function toApi(db: Db, meetings: repo.MeetingSummary[]): Promise<ApiMeeting[]> {
	const { organisations, links } = await repo.linksOfMeetings(db, meetings.map((m) => m.id));
	return meetings.map((m) => ({
		id: m.id,
		title: m.title,
		focusAreaId: m.focusAreaId,
		startsAt: m.startsAt.toISOString(),
		endsAt: m.endsAt.toISOString(),
		place: m.place,
		agenda: m.agenda,
		notes: m.notes,
		organisationIds: organisations.filter((o) => o.meetingId === m.id).map((o) => o.organisationId),
		goalIds: links.filter((l) => l.meetingId === m.id && l.goalId).map((l) => l.goalId!),
		initiativeIds: links.filter((l) => l.meetingId === m.id && l.initiativeId).map((l) => l.initiativeId!),
	}));
}

/** Every arena meeting of the programme for the API, in time order. */
export async function apiMeetings(db: Db): Promise<ApiMeeting[]> {
	const programme = await getProgramme(db);
	return toApi(db, await repo.listMeetings(db, programme.id));
}

/** One arena meeting for the API; 404 for an unknown or malformed id. */
export async function apiMeeting(db: Db, id: string): Promise<ApiMeeting> {
	return (await toApi(db, [await findOr404(db, id)]))[0]!;
}
