import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../accounts/accounts.schema.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { ideaComments, ideaReports, ideaSupports, ideas } from "./ideas.schema.js";

export type Idea = typeof ideas.$inferSelect;

const supports = sql<number>`(select count(*)::int from ${ideaSupports} where ${ideaSupports.ideaId} = ${ideas.id})`;
// Comments hidden by moderation are not counted: the public page does not show them.
const comments = sql<number>`(select count(*)::int from ${ideaComments} where ${ideaComments.ideaId} = ${ideas.id} and ${ideaComments.hiddenAt} is null)`;

/** The programme's ideas that are not hidden, newest first, with supports and comment counts. */
export async function listVisibleIdeas(db: Db, programmeId: string) {
	return db
		.select({ idea: ideas, supports, comments, focusAreaName: focusAreas.name })
		.from(ideas)
		.leftJoin(focusAreas, eq(focusAreas.id, ideas.focusAreaId))
		.where(and(eq(ideas.programmeId, programmeId), isNull(ideas.hiddenAt)))
		.orderBy(desc(ideas.createdAt), asc(ideas.id));
}

/** One idea with its author's name, focus area and number of supports. */
export async function findIdea(db: Db, id: string) {
	const rows = await db
		.select({ idea: ideas, supports, authorName: users.name, focusAreaName: focusAreas.name })
		.from(ideas)
		.innerJoin(users, eq(users.id, ideas.authorId))
		.leftJoin(focusAreas, eq(focusAreas.id, ideas.focusAreaId))
		.where(eq(ideas.id, id));
	return rows[0];
}

/** An idea's comments, oldest first, with the commenters' names. */
export async function listComments(db: Db, ideaId: string) {
	return db
		.select({ comment: ideaComments, authorName: users.name })
		.from(ideaComments)
		.innerJoin(users, eq(users.id, ideaComments.authorId))
		.where(eq(ideaComments.ideaId, ideaId))
		.orderBy(asc(ideaComments.createdAt), asc(ideaComments.id));
}

/** Hides a comment with a reason unless it is hidden already (the first reason stays); tells whether this call hid it. */
export async function hideComment(db: Db, id: string, hidden: { reason: string; by: string }): Promise<boolean> {
	const rows = await db
		.update(ideaComments)
		.set({ hiddenAt: new Date(), hiddenReason: hidden.reason, hiddenBy: hidden.by })
		.where(and(eq(ideaComments.id, id), isNull(ideaComments.hiddenAt)))
		.returning({ id: ideaComments.id });
	return rows.length > 0;
}

/** Shows a hidden comment again. */
export async function showComment(db: Db, id: string): Promise<void> {
	await db.update(ideaComments).set({ hiddenAt: null, hiddenReason: null, hiddenBy: null }).where(eq(ideaComments.id, id));
}

/**
 * Locks an idea's row for the rest of the transaction and says whether it is hidden: moderation of an idea and of its
 * comments, and new comments, take this lock first, so that the inputs they mark hidden or shown agree with the end state.
 */
export async function lockIdea(db: Db, id: string): Promise<{ hidden: boolean } | undefined> {
	const [row] = await db.select({ hiddenAt: ideas.hiddenAt }).from(ideas).where(eq(ideas.id, id)).for("update");
	return row && { hidden: row.hiddenAt !== null };
}

/** The ids of an idea's comments; only those not hidden one by one when asked. */
export async function commentIds(db: Db, ideaId: string, notHiddenOnly: boolean): Promise<string[]> {
	const rows = await db
		.select({ id: ideaComments.id })
		.from(ideaComments)
		.where(and(eq(ideaComments.ideaId, ideaId), notHiddenOnly ? isNull(ideaComments.hiddenAt) : undefined));
	return rows.map((r) => r.id);
}

/** Whether a person supports an idea. */
export async function hasSupport(db: Db, ideaId: string, userId: string): Promise<boolean> {
	const rows = await db.select({ u: ideaSupports.userId }).from(ideaSupports).where(and(eq(ideaSupports.ideaId, ideaId), eq(ideaSupports.userId, userId)));
	return rows.length > 0;
}

/** Stores an idea. */
export async function insertIdea(db: Db, values: typeof ideas.$inferInsert): Promise<Idea> {
	const [row] = await db.insert(ideas).values(values).returning();
	return row!;
}

/** Stores a comment. */
export async function insertComment(db: Db, values: typeof ideaComments.$inferInsert) {
	const [row] = await db.insert(ideaComments).values(values).returning();
	return row!;
}

/** Stores a support; the primary key refuses a second one from the same person. */
export async function insertSupport(db: Db, ideaId: string, userId: string): Promise<void> {
	await db.insert(ideaSupports).values({ ideaId, userId });
}

/** Stores a report of abuse. */
export async function insertReport(db: Db, values: typeof ideaReports.$inferInsert): Promise<void> {
	await db.insert(ideaReports).values(values);
}

/** Hides an idea with a reason, or (with null) shows it again. */
export async function setHidden(db: Db, id: string, hidden: { reason: string; by: string } | null): Promise<void> {
	await db
		.update(ideas)
		.set(hidden ? { hiddenAt: new Date(), hiddenReason: hidden.reason, hiddenBy: hidden.by } : { hiddenAt: null, hiddenReason: null, hiddenBy: null })
		.where(eq(ideas.id, id));
}

/** Every report, newest first, with the idea it concerns and the reported comment's text. */
export async function listReports(db: Db, programmeId: string) {
	return db
		.select({ report: ideaReports, ideaTitle: ideas.title, ideaHidden: ideas.hiddenAt, commentText: ideaComments.text, commentHidden: ideaComments.hiddenAt })
		.from(ideaReports)
		.innerJoin(ideas, eq(ideas.id, ideaReports.ideaId))
		.leftJoin(ideaComments, eq(ideaComments.id, ideaReports.commentId))
		.where(eq(ideas.programmeId, programmeId))
		.orderBy(desc(ideaReports.createdAt));
}

/** Hidden ideas, most recently hidden first. */
export async function listHiddenIdeas(db: Db, programmeId: string) {
	return db
		.select({ idea: ideas })
		.from(ideas)
		.where(and(eq(ideas.programmeId, programmeId), sql`${ideas.hiddenAt} is not null`))
		.orderBy(desc(ideas.hiddenAt));
}

/** Comments hidden one by one, most recently hidden first, with the title of the idea each is on. */
export async function listHiddenComments(db: Db, programmeId: string) {
	return db
		.select({ comment: ideaComments, ideaTitle: ideas.title })
		.from(ideaComments)
		.innerJoin(ideas, eq(ideas.id, ideaComments.ideaId))
		.where(and(eq(ideas.programmeId, programmeId), sql`${ideaComments.hiddenAt} is not null`))
		.orderBy(desc(ideaComments.hiddenAt), asc(ideaComments.id));
}

/** Per idea author and commenter: who took part in ideas, and on which day (Swedish time), for the participation count. */
export async function ideaParticipants(db: Db, programmeId: string) {
	const result = await db.execute(sql`
		select ${ideas.authorId} as "userId", to_char(${ideas.createdAt} at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as day, 'idea' as kind
		from ${ideas} where ${ideas.programmeId} = ${programmeId}
		union all
		select c.author_id, to_char(c.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD'), 'comment'
		from ${ideaComments} c join ${ideas} on ${ideas.id} = c.idea_id where ${ideas.programmeId} = ${programmeId}
		union all
		select s.user_id, to_char(s.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD'), 'support'
		from ${ideaSupports} s join ${ideas} on ${ideas.id} = s.idea_id where ${ideas.programmeId} = ${programmeId}
	`);
	return (result as unknown as { rows: { userId: string; day: string; kind: "idea" | "comment" | "support" }[] }).rows;
}

/** A person's own ideas, oldest first, with their focus area's name. */
export async function ideasByAuthor(db: Db, userId: string) {
	return db
		.select({ idea: ideas, focusAreaName: focusAreas.name })
		.from(ideas)
		.leftJoin(focusAreas, eq(focusAreas.id, ideas.focusAreaId))
		.where(eq(ideas.authorId, userId))
		.orderBy(asc(ideas.createdAt), asc(ideas.id));
}

/** A person's own comments, oldest first, with the title of the idea each is on. */
export async function commentsByAuthor(db: Db, userId: string) {
	return db
		.select({ comment: ideaComments, ideaTitle: ideas.title })
		.from(ideaComments)
		.innerJoin(ideas, eq(ideas.id, ideaComments.ideaId))
		.where(eq(ideaComments.authorId, userId))
		.orderBy(asc(ideaComments.createdAt), asc(ideaComments.id));
}

/** The ideas a person supports, with when. */
export async function supportsByUser(db: Db, userId: string) {
	return db
		.select({ ideaTitle: ideas.title, createdAt: ideaSupports.createdAt })
		.from(ideaSupports)
		.innerJoin(ideas, eq(ideas.id, ideaSupports.ideaId))
		.where(eq(ideaSupports.userId, userId))
		.orderBy(asc(ideaSupports.createdAt));
}

/** The reports of abuse a person made, with the idea each concerns. */
export async function reportsByUser(db: Db, userId: string) {
	return db
		.select({ ideaTitle: ideas.title, reason: ideaReports.reason, createdAt: ideaReports.createdAt })
		.from(ideaReports)
		.innerJoin(ideas, eq(ideas.id, ideaReports.ideaId))
		.where(eq(ideaReports.reporterId, userId))
		.orderBy(asc(ideaReports.createdAt));
}

/** The comments a person wrote and the comments on the ideas they wrote: those that go with their ideas. */
export async function commentIdsOfPerson(db: Db, userId: string, ideaIds: string[]): Promise<string[]> {
	const onTheirIdeas = ideaIds.length ? inArray(ideaComments.ideaId, ideaIds) : undefined;
	const rows = await db
		.select({ id: ideaComments.id })
		.from(ideaComments)
		.where(onTheirIdeas ? or(eq(ideaComments.authorId, userId), onTheirIdeas) : eq(ideaComments.authorId, userId));
	return rows.map((r) => r.id);
}

/** Deletes a person's ideas (with every comment, support and report on them), comments and supports. */
export async function deleteContributionsOf(db: Db, userId: string): Promise<void> {
	await db.delete(ideaComments).where(eq(ideaComments.authorId, userId));
	await db.delete(ideaSupports).where(eq(ideaSupports.userId, userId));
	await db.delete(ideas).where(eq(ideas.authorId, userId));
}
