import { and, asc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../accounts/accounts.schema.js";
import { workshopNotes, workshopNoteVersions, workshopRegistrations, workshops } from "./workshops.schema.js";

export type Workshop = typeof workshops.$inferSelect;
export type WorkshopNote = typeof workshopNotes.$inferSelect;

// Qualified by hand: in a select from one table drizzle writes columns without their table, and "id" would then be the sign-up's own.
const registered = sql<number>`(select count(*)::int from ${workshopRegistrations} r where r.workshop_id = "workshops"."id")`;

/** The programme's workshops in time order, with how many places are taken. */
export async function listWorkshops(db: Db, programmeId: string) {
	return db
		.select({ workshop: workshops, registered })
		.from(workshops)
		.where(eq(workshops.programmeId, programmeId))
		.orderBy(asc(workshops.startsAt), asc(workshops.id));
}

/** One workshop with how many places are taken and who facilitates it. */
export async function findWorkshop(db: Db, id: string) {
	const rows = await db
		.select({ workshop: workshops, registered, facilitatorEmail: users.email, facilitatorName: users.name })
		.from(workshops)
		.leftJoin(users, eq(users.id, workshops.facilitatorId))
		.where(eq(workshops.id, id));
	return rows[0];
}

/** Locks a workshop's row until the transaction ends, so two sign-ups cannot both take the last place. */
export async function lockWorkshop(db: Db, id: string): Promise<{ capacity: number; registered: number } | undefined> {
	const rows = await db.select({ capacity: workshops.capacity }).from(workshops).where(eq(workshops.id, id)).for("update");
	if (!rows[0]) return undefined;
	const [count] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(workshopRegistrations)
		.where(eq(workshopRegistrations.workshopId, id));
	return { capacity: rows[0].capacity, registered: Number(count?.n ?? 0) };
}

/** Stores a workshop. */
export async function insertWorkshop(db: Db, values: typeof workshops.$inferInsert): Promise<Workshop> {
	const [row] = await db.insert(workshops).values(values).returning();
	return row!;
}

/** Changes a workshop. */
export async function updateWorkshop(db: Db, id: string, values: Partial<typeof workshops.$inferInsert>): Promise<void> {
	await db.update(workshops).set(values).where(eq(workshops.id, id));
}

/** Stores a sign-up. */
export async function insertRegistration(db: Db, values: typeof workshopRegistrations.$inferInsert): Promise<void> {
	await db.insert(workshopRegistrations).values(values);
}

/** A workshop's sign-ups in the order they came in. */
export async function listRegistrations(db: Db, workshopId: string) {
	return db
		.select()
		.from(workshopRegistrations)
		.where(eq(workshopRegistrations.workshopId, workshopId))
		.orderBy(asc(workshopRegistrations.createdAt), asc(workshopRegistrations.id));
}

/** Sign-ups made with an e-mail address (any case), with their workshop's title and time. */
export async function registrationsByEmail(db: Db, email: string) {
	return db
		.select({ registration: workshopRegistrations, title: workshops.title, startsAt: workshops.startsAt, place: workshops.place, locality: workshops.locality })
		.from(workshopRegistrations)
		.innerJoin(workshops, eq(workshops.id, workshopRegistrations.workshopId))
		.where(sql`lower(${workshopRegistrations.email}) = ${email.toLowerCase()}`)
		.orderBy(asc(workshops.startsAt), asc(workshopRegistrations.id));
}

/** Deletes the name and e-mail of sign-ups made with an address; the rows stay, so the number signed up stays. */
export async function eraseRegistrationsByEmail(db: Db, email: string): Promise<number> {
	const rows = await db
		.update(workshopRegistrations)
		.set({ name: null, email: null })
		.where(sql`lower(${workshopRegistrations.email}) = ${email.toLowerCase()}`)
		.returning({ id: workshopRegistrations.id });
	return rows.length;
}

/** Deletes the names and e-mails of sign-ups to workshops that ended before an instant; returns how many sign-ups lost them. */
export async function eraseRegistrationsEndedBefore(db: Db, endedBefore: Date): Promise<number> {
	const ended = db.select({ id: workshops.id }).from(workshops).where(lt(workshops.endsAt, endedBefore));
	const rows = await db
		.update(workshopRegistrations)
		.set({ name: null, email: null })
		.where(and(inArray(workshopRegistrations.workshopId, ended), or(isNotNull(workshopRegistrations.name), isNotNull(workshopRegistrations.email))))
		.returning({ id: workshopRegistrations.id });
	return rows.length;
}

/** Stores notes and returns them with their ids. */
export async function insertNotes(db: Db, rows: (typeof workshopNotes.$inferInsert)[]): Promise<WorkshopNote[]> {
	if (rows.length === 0) return [];
	return db.insert(workshopNotes).values(rows).returning();
}

/** A workshop's notes in the order they were entered, with the name of who entered them; withdrawn ones only when asked. */
export async function listNotes(db: Db, workshopId: string, options: { withdrawn: boolean }) {
	return db
		.select({ note: workshopNotes, enteredByName: users.name, enteredByEmail: users.email })
		.from(workshopNotes)
		.leftJoin(users, eq(users.id, workshopNotes.enteredBy))
		.where(and(eq(workshopNotes.workshopId, workshopId), options.withdrawn ? undefined : isNull(workshopNotes.withdrawnAt)))
		.orderBy(asc(workshopNotes.enteredAt), asc(workshopNotes.groupLabel), asc(workshopNotes.id));
}

/** One note of a workshop with the name of who entered it. */
export async function findNote(db: Db, workshopId: string, noteId: string) {
	const [row] = await db
		.select({ note: workshopNotes, enteredByName: users.name, enteredByEmail: users.email })
		.from(workshopNotes)
		.leftJoin(users, eq(users.id, workshopNotes.enteredBy))
		.where(and(eq(workshopNotes.workshopId, workshopId), eq(workshopNotes.id, noteId)));
	return row;
}

/** A note as it stands, locked until the transaction ends so two corrections come one after the other. */
export async function lockNote(db: Db, noteId: string): Promise<WorkshopNote | undefined> {
	const [row] = await db.select().from(workshopNotes).where(eq(workshopNotes.id, noteId)).for("update");
	return row;
}

/** Replaces a note's text, keeping the text it had (with who saved it and when) as an earlier version. */
export async function reviseNote(db: Db, note: WorkshopNote, text: string, by: string): Promise<void> {
	await db.insert(workshopNoteVersions).values({ noteId: note.id, text: note.text, savedBy: note.revisedBy ?? note.enteredBy, savedAt: note.revisedAt ?? note.enteredAt });
	await db.update(workshopNotes).set({ text, revisedBy: by, revisedAt: new Date() }).where(eq(workshopNotes.id, note.id));
}

/** Marks a note withdrawn by a person. */
export async function withdrawNote(db: Db, noteId: string, by: string): Promise<void> {
	await db.update(workshopNotes).set({ withdrawnBy: by, withdrawnAt: new Date() }).where(eq(workshopNotes.id, noteId));
}

/** The earlier versions of a workshop's notes (or of one note), oldest first, with the name of who saved each. */
export async function listNoteVersions(db: Db, where: { workshopId: string } | { noteId: string }) {
	return db
		.select({ version: workshopNoteVersions, savedByName: users.name, savedByEmail: users.email })
		.from(workshopNoteVersions)
		.innerJoin(workshopNotes, eq(workshopNotes.id, workshopNoteVersions.noteId))
		.leftJoin(users, eq(users.id, workshopNoteVersions.savedBy))
		.where("noteId" in where ? eq(workshopNoteVersions.noteId, where.noteId) : eq(workshopNotes.workshopId, where.workshopId))
		.orderBy(asc(workshopNoteVersions.replacedAt), asc(workshopNoteVersions.id));
}

