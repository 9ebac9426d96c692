import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { goals } from "../goals/goals.schema.js";
import { initiatives } from "../initiatives/initiatives.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { arenaMeetingLinks, arenaMeetingOrganisations, arenaMeetings } from "./arenas.schema.js";

export type ArenaMeeting = typeof arenaMeetings.$inferSelect;

/** A meeting with its focus area's name, as lists show it. */
export type MeetingSummary = ArenaMeeting & { focusAreaName: string };

/** A record to choose or link: its id and its name or title. */
export type Ref = { id: string; name: string };

function selectSummaries(db: Db) {
	return db.select({ meeting: arenaMeetings, focusAreaName: focusAreas.name }).from(arenaMeetings).innerJoin(focusAreas, eq(focusAreas.id, arenaMeetings.focusAreaId));
}

const flat = (rows: { meeting: ArenaMeeting; focusAreaName: string }[]): MeetingSummary[] => rows.map((r) => ({ ...r.meeting, focusAreaName: r.focusAreaName }));

/** The programme's meetings in time order. */
export async function listMeetings(db: Db, programmeId: string): Promise<MeetingSummary[]> {
	return flat(await selectSummaries(db).where(eq(arenaMeetings.programmeId, programmeId)).orderBy(asc(arenaMeetings.startsAt), asc(arenaMeetings.id)));
}

/** A focus area's meetings that have not ended by `now`, soonest first. */
export async function listUpcoming(db: Db, focusAreaId: string, now: Date): Promise<MeetingSummary[]> {
	return flat(
		await selectSummaries(db)
			.where(and(eq(arenaMeetings.focusAreaId, focusAreaId), gte(arenaMeetings.endsAt, now)))
			.orderBy(asc(arenaMeetings.startsAt), asc(arenaMeetings.id)),
	);
}

/** The meetings that dealt with a goal or an initiative, newest first. */
export async function listMeetingsLinkedTo(db: Db, link: { goalId: string } | { initiativeId: string }): Promise<MeetingSummary[]> {
	const linked = "goalId" in link ? eq(arenaMeetingLinks.goalId, link.goalId) : eq(arenaMeetingLinks.initiativeId, link.initiativeId);
	return flat(
		await selectSummaries(db)
			.innerJoin(arenaMeetingLinks, eq(arenaMeetingLinks.meetingId, arenaMeetings.id))
			.where(linked)
			.orderBy(desc(arenaMeetings.startsAt), asc(arenaMeetings.id)),
	);
}

/** One meeting of the programme with its focus area's name. */
export async function findMeeting(db: Db, programmeId: string, id: string): Promise<MeetingSummary | undefined> {
	return flat(await selectSummaries(db).where(and(eq(arenaMeetings.programmeId, programmeId), eq(arenaMeetings.id, id))))[0];
}

/** The organisations that took part in a meeting, by name. */
export async function meetingOrganisations(db: Db, meetingId: string): Promise<Ref[]> {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(arenaMeetingOrganisations)
		.innerJoin(organisations, eq(organisations.id, arenaMeetingOrganisations.organisationId))
		.where(eq(arenaMeetingOrganisations.meetingId, meetingId))
		.orderBy(asc(organisations.name));
}

/** The goals a meeting dealt with, with each goal's owner (organisation or initiative) in the name's place for lists. */
export async function meetingGoals(db: Db, meetingId: string): Promise<(Ref & { ownerName: string })[]> {
	return db
		.select({ id: goals.id, name: goals.title, ownerName: sql<string>`coalesce(${organisations.name}, ${initiatives.title}, '')` })
		.from(arenaMeetingLinks)
		.innerJoin(goals, eq(goals.id, arenaMeetingLinks.goalId))
		.leftJoin(organisations, eq(organisations.id, goals.organisationId))
		.leftJoin(initiatives, eq(initiatives.id, goals.initiativeId))
		.where(eq(arenaMeetingLinks.meetingId, meetingId))
		.orderBy(asc(goals.title));
}

/** The joint initiatives a meeting dealt with. */
export async function meetingInitiatives(db: Db, meetingId: string): Promise<Ref[]> {
	return db
		.select({ id: initiatives.id, name: initiatives.title })
		.from(arenaMeetingLinks)
		.innerJoin(initiatives, eq(initiatives.id, arenaMeetingLinks.initiativeId))
		.where(eq(arenaMeetingLinks.meetingId, meetingId))
		.orderBy(asc(initiatives.title));
}

/** The joint initiatives in a focus area. */
export async function initiativeChoices(db: Db, focusAreaId: string): Promise<Ref[]> {
	return db.select({ id: initiatives.id, name: initiatives.title }).from(initiatives).where(eq(initiatives.focusAreaId, focusAreaId)).orderBy(asc(initiatives.title));
}

/** Stores a meeting. */
export async function insertMeeting(db: Db, values: typeof arenaMeetings.$inferInsert): Promise<ArenaMeeting> {
	const [row] = await db.insert(arenaMeetings).values(values).returning();
	return row!;
}

/** Changes a meeting. */
export async function updateMeeting(db: Db, id: string, values: Partial<typeof arenaMeetings.$inferInsert>): Promise<void> {
	await db.update(arenaMeetings).set({ ...values, updatedAt: new Date() }).where(eq(arenaMeetings.id, id));
}

/** Makes exactly these the meeting's organisations, goals and initiatives. */
export async function setMeetingLinks(db: Db, meetingId: string, links: { organisationIds: string[]; goalIds: string[]; initiativeIds: string[] }): Promise<void> {
	await db.delete(arenaMeetingOrganisations).where(eq(arenaMeetingOrganisations.meetingId, meetingId));
	await db.delete(arenaMeetingLinks).where(eq(arenaMeetingLinks.meetingId, meetingId));
	if (links.organisationIds.length) await db.insert(arenaMeetingOrganisations).values(links.organisationIds.map((organisationId) => ({ meetingId, organisationId })));
	const rows = [...links.goalIds.map((goalId) => ({ meetingId, goalId })), ...links.initiativeIds.map((initiativeId) => ({ meetingId, initiativeId }))];
	if (rows.length) await db.insert(arenaMeetingLinks).values(rows);
}

/** The participating organisations and links of some meetings, for the API's ids. */
export async function linksOfMeetings(db: Db, meetingIds: string[]) {
	if (meetingIds.length === 0) return { organisations: [], links: [] };
	const [orgs, links] = await Promise.all([
		db.select().from(arenaMeetingOrganisations).where(inArray(arenaMeetingOrganisations.meetingId, meetingIds)),
		db.select().from(arenaMeetingLinks).where(inArray(arenaMeetingLinks.meetingId, meetingIds)),
	]);
	return { organisations: orgs, links };
}
