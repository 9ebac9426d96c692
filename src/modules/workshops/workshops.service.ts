import type { Db } from "../../db/client.js";
import { type CalendarEvent, calendar } from "../../lib/ics.js";
import { isUuid } from "../../lib/ids.js";
import type { SheetTable } from "../../lib/spreadsheet.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { findUserByEmail } from "../accounts/index.js";
import { addInputs, setInputsHidden } from "../inputs/index.js";
import { actorOf, getProgramme } from "../programmes/index.js";
import { namedRegistrationInput, noteInput, notesInput, otherLocality, outcomeInput, withdrawNoteInput, workshopInput } from "./workshops.input.js";
import { authorize, may } from "./workshops.policy.js";
import * as repo from "./workshops.repo.js";
import { stockholmInstant, stockholmParts } from "../../i18n/stockholm-time.js";

type Found = NonNullable<Awaited<ReturnType<typeof repo.findWorkshop>>>;

async function findOr404(db: Db, id: string): Promise<Found> {
	const found = isUuid(id) ? await repo.findWorkshop(db, id) : undefined;
	if (!found) throw notFound();
	return found;
}

/** The public list of the programme's workshops. */
export async function publicWorkshops(db: Db) {
	const programme = await getProgramme(db);
	return repo.listWorkshops(db, programme.id);
}

/** Groups notes by group and question, in the order they were entered. */
function groupNotes<Row extends { note: repo.WorkshopNote }>(rows: Row[]) {
	const groups = new Map<string, { groupLabel: string; question: string; notes: Row[] }>();
	for (const row of rows) {
		const key = `${row.note.groupLabel}\u0000${row.note.question}`;
		if (!groups.has(key)) groups.set(key, { groupLabel: row.note.groupLabel, question: row.note.question, notes: [] });
		groups.get(key)!.notes.push(row);
	}
	return [...groups.values()];
}

/** Whether a workshop still takes sign-ups: until it starts. */
function signUpOpen(workshop: { startsAt: Date }, now = new Date()): boolean {
	return now < workshop.startsAt;
}

/** A workshop's public page: the workshop, places left, whether sign-up is open, what the groups wrote (withdrawn notes left out), and whether the viewer may enter notes. */
export async function workshopPage(db: Db, viewer: Viewer | null, id: string) {
	const found = await findOr404(db, id);
	const [notes, facilitates] = await Promise.all([
		repo.listNotes(db, found.workshop.id, { withdrawn: false }),
		actorOf(db, viewer).then((actor) => may(actor, "facilitate", found)),
	]);
	return { ...found, signUpOpen: signUpOpen(found.workshop), groups: groupNotes(notes), canFacilitate: facilitates };
}

/** Takes a place at a workshop; a full workshop, one without sign-up or one already held gives the form back with a message. */
export async function register(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await workshopPage(db, viewer, id);
	const mode = page.workshop.registration;
	if (mode === "none") return { ok: false as const, page, state: withError(formState(), "_form", "workshop.error.noRegistration") };
	if (!page.signUpOpen) return { ok: false as const, page, state: withError(formState(body as Record<string, unknown>), "_form", "workshop.error.signUpClosed") };
	let values: { name: string | null; email: string | null } = { name: null, email: null };
	if (mode === "named") {
		const parsed = parseForm(namedRegistrationInput, body);
		if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
		values = parsed.data;
	}
	const taken = await db.transaction(async (tx) => {
		const places = await repo.lockWorkshop(tx, page.workshop.id);
		if (!places || places.registered >= places.capacity) return false;
		await repo.insertRegistration(tx, { workshopId: page.workshop.id, ...values });
		return true;
	});
	if (!taken) return { ok: false as const, page, state: withError(formState(body as Record<string, unknown>), "_form", "workshop.error.full") };
	return { ok: true as const, workshopId: page.workshop.id };
}

/** The coordinator's list of workshops. */
export async function workshopsForAdmin(db: Db, viewer: Viewer | null) {
	authorize(await actorOf(db, viewer), "administer");
	return publicWorkshops(db);
}

/** The coordinator's empty workshop form: an evening workshop without sign-up in the first of the programme's localities. */
export async function newWorkshopForm(db: Db, viewer: Viewer | null, localities: readonly string[]): Promise<FormState> {
	authorize(await actorOf(db, viewer), "administer");
	return formState({ registration: "none", startTime: "18:00", endTime: "21:00", locality: localities[0] ?? "" });
}

/** A workshop's stored values as the coordinator's form shows them; a locality not in the list shows as "other" with its name. */
export async function workshopFormFor(db: Db, viewer: Viewer | null, id: string, localities: readonly string[]) {
	authorize(await actorOf(db, viewer), "administer");
	const found = await findOr404(db, id);
	const w = found.workshop;
	const start = stockholmParts(w.startsAt);
	const listed = localities.includes(w.locality);
	return {
		workshop: w,
		form: formState({
			title: w.title,
			date: start.date,
			startTime: start.time,
			endTime: stockholmParts(w.endsAt).time,
			place: w.place,
			locality: listed ? w.locality : otherLocality,
			otherLocality: listed ? "" : w.locality,
			description: w.description,
			capacity: w.capacity,
			registration: w.registration,
			facilitatorEmail: found.facilitatorEmail ?? "",
		}),
	};
}

async function workshopValues(
	db: Db,
	body: unknown,
	localities: readonly string[],
): Promise<{ ok: true; values: Omit<Parameters<typeof repo.insertWorkshop>[1], "programmeId"> } | { ok: false; state: FormState }> {
	const parsed = parseForm(workshopInput(localities), body);
	if (!parsed.ok) return parsed;
	const d = parsed.data;
	let facilitatorId: string | null = null;
	if (d.facilitatorEmail) {
		facilitatorId = (await findUserByEmail(db, d.facilitatorEmail))?.id ?? null;
		if (!facilitatorId) return { ok: false, state: withError(formState(body as Record<string, unknown>), "facilitatorEmail", "workshop.error.unknownPerson") };
	}
	return {
		ok: true,
		values: {
			title: d.title,
			startsAt: stockholmInstant(d.date, d.startTime),
			endsAt: stockholmInstant(d.date, d.endTime),
			place: d.place,
			locality: d.locality,
			description: d.description,
			capacity: d.capacity,
			registration: d.registration,
			facilitatorId,
		},
	};
}

/** Creates a workshop from the coordinator's form; the locality is one of the programme's localities or "other". */
export async function createWorkshop(db: Db, viewer: Viewer | null, body: unknown, localities: readonly string[]): Promise<{ ok: true; id: string } | { ok: false; state: FormState }> {
	authorize(await actorOf(db, viewer), "administer");
	const programme = await getProgramme(db);
	const result = await workshopValues(db, body, localities);
	if (!result.ok) return result;
	const row = await repo.insertWorkshop(db, { ...result.values, programmeId: programme.id });
	return { ok: true, id: row.id };
}

/** Changes a workshop from the coordinator's form. */
export async function updateWorkshop(db: Db, viewer: Viewer | null, id: string, body: unknown, localities: readonly string[]) {
	const { workshop } = await workshopFormFor(db, viewer, id, localities);
	const result = await workshopValues(db, body, localities);
	if (!result.ok) return { ok: false as const, workshop, state: result.state };
	await repo.updateWorkshop(db, workshop.id, result.values);
	return { ok: true as const, id: workshop.id };
}

/** Days after a workshop ends that its sign-ups' names and e-mails are kept; a fixed rule, stated on the forms (the schema has no setting for it). */
export const registrationRetentionDays = 30;

/** When the names and e-mails of a workshop's sign-ups are deleted. */
function registrationsEraseAt(workshop: { endsAt: Date }): Date {
	return new Date(workshop.endsAt.getTime() + registrationRetentionDays * 86_400_000);
}

async function facilitatedWorkshop(db: Db, viewer: Viewer | null, id: string) {
	const found = await findOr404(db, id);
	const actor = await actorOf(db, viewer);
	authorize(actor, "facilitate", found);
	return { actor, found };
}

/** The facilitator's page: the workshop, its notes so far, and the outcome form filled with what is stored. */
export async function facilitatorPage(db: Db, viewer: Viewer | null, id: string) {
	const { actor, found } = await facilitatedWorkshop(db, viewer, id);
	const [notes, versions] = await Promise.all([repo.listNotes(db, found.workshop.id, { withdrawn: true }), repo.listNoteVersions(db, { workshopId: found.workshop.id })]);
	const withRights = notes.map((row) => ({ ...row, mayCorrect: may(actor, "correctNote", { note: row.note }), versions: versions.filter((v) => v.version.noteId === row.note.id).length }));
	const page = { ...found, groups: groupNotes(withRights), canFacilitate: true };
	const w = page.workshop;
	const lines = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join("\n");
	const outcome = formState({ headcount: w.headcount ?? "", localityCounts: lines(w.localityCounts), ageBandCounts: lines(w.ageBandCounts), summary: w.summary });
	return { ...page, outcome };
}

/** The sign-ups of a workshop, for its facilitator and the coordinator, with when their names and e-mails go. */
export async function registrationsPage(db: Db, viewer: Viewer | null, id: string, now = new Date()) {
	const { found } = await facilitatedWorkshop(db, viewer, id);
	const eraseAt = registrationsEraseAt(found.workshop);
	return { ...found, registrations: await repo.listRegistrations(db, found.workshop.id), eraseAt, erased: eraseAt.getTime() <= now.getTime() };
}

/** The sign-ups of a workshop as a table to download (CSV or .xlsx), for its facilitator and the coordinator. */
export async function registrationsTable(db: Db, viewer: Viewer | null, id: string, header: { sheet: string; n: string; name: string; email: string; at: string }) {
	const page = await registrationsPage(db, viewer, id);
	const rows = page.registrations.map((r, i) => {
		const at = stockholmParts(r.createdAt);
		return [i + 1, r.name ?? "", r.email ?? "", `${at.date} ${at.time}`];
	});
	const table: SheetTable = { name: header.sheet, header: [header.n, header.name, header.email, header.at], rows };
	return { workshop: page.workshop, table };
}

/** Deletes the names and e-mails of sign-ups to workshops that ended more than the retention days ago; the number signed up stays. */
export async function applyRegistrationRetention(db: Db, now = new Date()): Promise<number> {
	return repo.eraseRegistrationsEndedBefore(db, new Date(now.getTime() - registrationRetentionDays * 86_400_000));
}

/** A person's sign-ups (found by their e-mail address), for their data download. */
export async function registrationsOf(db: Db, email: string) {
	const rows = await repo.registrationsByEmail(db, email);
	return rows.map(({ registration: r, ...w }) => ({ workshop: w.title, startsAt: w.startsAt, place: `${w.place}, ${w.locality}`, name: r.name, email: r.email, registeredAt: r.createdAt }));
}

/** Deletes the name and e-mail of a person's sign-ups (found by e-mail address) when they delete their account; the places stay counted. */
export async function forgetRegistrationsOf(db: Db, email: string): Promise<number> {
	return repo.eraseRegistrationsByEmail(db, email);
}

/** Stores one group's notes on one question (one note per line) and adds each to the pool of inputs. */
export async function addNotes(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await facilitatorPage(db, viewer, id);
	const parsed = parseForm(notesInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	const w = page.workshop;
	const { groupLabel, question, notes } = parsed.data;
	await db.transaction(async (tx) => {
		const stored = await repo.insertNotes(
			tx,
			notes.map((text) => ({ workshopId: w.id, groupLabel, question, text, enteredBy: viewer!.id })),
		);
		const occurredOn = stockholmParts(w.startsAt).date;
		await addInputs(
			tx,
			stored.map((n) => ({ source: "workshop" as const, sourceId: n.id, text: n.text, occurredOn, locality: w.locality })),
		);
	});
	return { ok: true as const, id: w.id, next: { groupLabel, question } };
}

/** A note for correcting or withdrawing, with its earlier versions; for whoever entered it and the coordinator. */
export async function notePage(db: Db, viewer: Viewer | null, id: string, noteId: string) {
	const found = await findOr404(db, id);
	const row = isUuid(noteId) ? await repo.findNote(db, found.workshop.id, noteId) : undefined;
	if (!row) throw notFound();
	authorize(await actorOf(db, viewer), "correctNote", row);
	return { ...found, ...row, versions: await repo.listNoteVersions(db, { noteId: row.note.id }) };
}

/** Corrects a note's text, keeping the earlier text in its history; the note's input in the pool follows. A withdrawn note stays as it was. */
export async function correctNote(db: Db, viewer: Viewer | null, id: string, noteId: string, body: unknown) {
	const page = await notePage(db, viewer, id, noteId);
	if (page.note.withdrawnAt) return { ok: false as const, page, state: withError(formState(body as Record<string, unknown>), "text", "workshop.note.alreadyWithdrawn") };
	const parsed = parseForm(noteInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	const { text } = parsed.data;
	const w = page.workshop;
	await db.transaction(async (tx) => {
		const note = await repo.lockNote(tx, page.note.id);
		// Unchanged, or withdrawn meanwhile: nothing to keep.
		if (!note || note.withdrawnAt || note.text === text) return;
		await repo.reviseNote(tx, note, text, viewer!.id);
		await addInputs(tx, [{ source: "workshop", sourceId: note.id, text, occurredOn: stockholmParts(w.startsAt).date, locality: w.locality }]);
	});
	return { ok: true as const, id: w.id };
}

/** Withdraws a note after a tick that confirms it: it leaves the public page and its input is hidden; its texts stay in the history. */
export async function withdrawNote(db: Db, viewer: Viewer | null, id: string, noteId: string, body: unknown) {
	const page = await notePage(db, viewer, id, noteId);
	if (page.note.withdrawnAt) return { ok: true as const, id: page.workshop.id };
	const parsed = parseForm(withdrawNoteInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	await db.transaction(async (tx) => {
		const note = await repo.lockNote(tx, page.note.id);
		if (!note || note.withdrawnAt) return;
		await repo.withdrawNote(tx, note.id, viewer!.id);
		await setInputsHidden(tx, "workshop", [note.id], true);
	});
	return { ok: true as const, id: page.workshop.id };
}

/** Stores the headcount, the localities and age bands present, and the summary. */
export async function saveOutcome(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await facilitatorPage(db, viewer, id);
	const parsed = parseForm(outcomeInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	await repo.updateWorkshop(db, page.workshop.id, parsed.data);
	return { ok: true as const, id: page.workshop.id };
}

/** The programme's workshops as calendar events, for this module's feed and the programme's whole calendar. */
export async function workshopEvents(db: Db, baseUrl: string): Promise<CalendarEvent[]> {
	const rows = await publicWorkshops(db);
	return rows.map(({ workshop: w }) => ({
		uid: `workshop-${w.id}@medskapa`,
		start: w.startsAt,
		end: w.endsAt,
		summary: w.title,
		location: `${w.place}, ${w.locality}`,
		description: w.description,
		url: `${baseUrl}/framtidsverkstader/${w.id}`,
	}));
}

/** The programme's workshops as an iCalendar feed. */
export async function workshopCalendar(db: Db, baseUrl: string, name: string): Promise<string> {
	return calendar(name, await workshopEvents(db, baseUrl));
}

/** What the participation page counts from workshops: per workshop its day, headcount, sign-ups and counts present. */
export async function workshopParticipation(db: Db) {
	const rows = await publicWorkshops(db);
	return rows.map(({ workshop: w, registered }) => ({
		workshopId: w.id,
		title: w.title,
		day: stockholmParts(w.startsAt).date,
		locality: w.locality,
		headcount: w.headcount,
		registered,
		localityCounts: w.localityCounts,
		ageBandCounts: w.ageBandCounts,
	}));
}
