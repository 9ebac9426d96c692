import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import * as s from "../../schema.js";

// Read-only queries for the start page's "what you can do now": one row or a count from each module's tables.

/** The open survey that closes first. */
export async function openSurvey(db: Db, now: Date) {
	const [row] = await db
		.select({ id: s.surveys.id, title: s.surveys.title, closesAt: s.surveys.closesAt })
		.from(s.surveys)
		.where(and(eq(s.surveys.status, "open"), or(isNull(s.surveys.opensAt), lte(s.surveys.opensAt, now)), or(isNull(s.surveys.closesAt), gt(s.surveys.closesAt, now))))
		.orderBy(sql`${s.surveys.closesAt} asc nulls last`)
		.limit(1);
	return row ?? null;
}

/** The opened vote that takes ballots now and closes first. */
export async function openVote(db: Db, now: Date) {
	const [row] = await db
		.select({ id: s.votes.id, title: s.votes.title, closesAt: s.votes.closesAt })
		.from(s.votes)
		.where(and(isNotNull(s.votes.frozenAt), lte(s.votes.opensAt, now), gt(s.votes.closesAt, now)))
		.orderBy(asc(s.votes.closesAt))
		.limit(1);
	return row ?? null;
}

/** The next workshop to start. */
export async function nextWorkshop(db: Db, now: Date) {
	const [row] = await db
		.select({ id: s.workshops.id, title: s.workshops.title, startsAt: s.workshops.startsAt, place: s.workshops.place, locality: s.workshops.locality })
		.from(s.workshops)
		.where(gt(s.workshops.startsAt, now))
		.orderBy(asc(s.workshops.startsAt))
		.limit(1);
	return row ?? null;
}

/** The next arena meeting to start. */
export async function nextArenaMeeting(db: Db, now: Date) {
	const [row] = await db
		.select({ id: s.arenaMeetings.id, title: s.arenaMeetings.title, startsAt: s.arenaMeetings.startsAt, place: s.arenaMeetings.place })
		.from(s.arenaMeetings)
		.where(gt(s.arenaMeetings.startsAt, now))
		.orderBy(asc(s.arenaMeetings.startsAt))
		.limit(1);
	return row ?? null;
}

/** The most recent decision item, with its body and paragraph. */
export async function latestDecision(db: Db) {
	const [row] = await db
		.select({ id: s.decisionItems.id, title: s.decisionItems.title, paragraph: s.decisionItems.paragraph, decidedOn: s.decisionItems.decidedOn, body: s.decisionBodies.name })
		.from(s.decisionItems)
		.innerJoin(s.meetings, eq(s.meetings.id, s.decisionItems.meetingId))
		.innerJoin(s.decisionBodies, eq(s.decisionBodies.id, s.meetings.bodyId))
		.orderBy(desc(s.decisionItems.decidedOn), desc(s.decisionItems.paragraph))
		.limit(1);
	return row ?? null;
}

/** How many goals there are in each status. */
export async function goalCounts(db: Db) {
	return db
		.select({ status: s.goals.status, count: sql<number>`count(*)::int` })
		.from(s.goals)
		.groupBy(s.goals.status);
}
