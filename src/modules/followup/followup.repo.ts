import { and, asc, desc, eq, isNotNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { followupReminders, followupRounds, goalReportFiles, goalReports } from "./followup.schema.js";

export type Round = typeof followupRounds.$inferSelect;
export type RoundValues = typeof followupRounds.$inferInsert;
export type GoalReport = typeof goalReports.$inferSelect;
export type GoalReportValues = typeof goalReports.$inferInsert;

/** The programme's rounds, newest period first. */
export async function listRounds(db: Db, programmeId: string): Promise<Round[]> {
	return db.select().from(followupRounds).where(eq(followupRounds.programmeId, programmeId)).orderBy(desc(followupRounds.periodEnd), desc(followupRounds.createdAt));
}

export async function findRound(db: Db, programmeId: string, id: string): Promise<Round | undefined> {
	const [round] = await db.select().from(followupRounds).where(and(eq(followupRounds.programmeId, programmeId), eq(followupRounds.id, id)));
	return round;
}

/**
 * The round, locked until the transaction ends: publishing takes it alone ("update"), reports share it ("share"), so a
 * report is either in the published report or refused, never lost between the two.
 */
export async function lockRound(db: Db, id: string, mode: "update" | "share"): Promise<Round | undefined> {
	const [round] = await db.select().from(followupRounds).where(eq(followupRounds.id, id)).for(mode);
	return round;
}

export async function insertRound(db: Db, values: RoundValues): Promise<Round> {
	const [round] = await db.insert(followupRounds).values(values).returning();
	return round!;
}

export async function updateRound(db: Db, id: string, values: Partial<RoundValues>): Promise<void> {
	await db.update(followupRounds).set(values).where(eq(followupRounds.id, id));
}

/** Every report given in a round. */
export async function listReports(db: Db, roundId: string): Promise<GoalReport[]> {
	return db.select().from(goalReports).where(eq(goalReports.roundId, roundId));
}

export async function findReport(db: Db, roundId: string, goalId: string): Promise<GoalReport | undefined> {
	const [report] = await db.select().from(goalReports).where(and(eq(goalReports.roundId, roundId), eq(goalReports.goalId, goalId)));
	return report;
}

/** Stores a goal's report in a round, replacing the one given before. */
export async function saveReport(db: Db, values: GoalReportValues): Promise<void> {
	const { roundId: _round, goalId: _goal, ...changes } = values;
	await db.insert(goalReports).values(values).onConflictDoUpdate({ target: [goalReports.roundId, goalReports.goalId], set: changes });
}

/** An evidence file's facts, without its bytes. */
export type EvidenceFile = { id: string; goalId: string; fileName: string; contentType: string; size: number };

const fileFacts = { id: goalReportFiles.id, goalId: goalReportFiles.goalId, fileName: goalReportFiles.fileName, contentType: goalReportFiles.contentType, size: goalReportFiles.size };

/** The evidence files of a round's reports, in the order they were uploaded. */
export async function listFiles(db: Db, roundId: string): Promise<EvidenceFile[]> {
	return db.select(fileFacts).from(goalReportFiles).where(eq(goalReportFiles.roundId, roundId)).orderBy(asc(goalReportFiles.uploadedAt), asc(goalReportFiles.fileName));
}

/** An evidence file of a round, with its bytes. */
export async function findFile(db: Db, roundId: string, id: string) {
	const [file] = await db.select().from(goalReportFiles).where(and(eq(goalReportFiles.roundId, roundId), eq(goalReportFiles.id, id)));
	return file;
}

export async function insertFile(db: Db, values: typeof goalReportFiles.$inferInsert): Promise<void> {
	await db.insert(goalReportFiles).values(values);
}

/** Removes an evidence file from a goal's report; false when it was not there. */
export async function deleteFile(db: Db, roundId: string, goalId: string, id: string): Promise<boolean> {
	const gone = await db.delete(goalReportFiles).where(and(eq(goalReportFiles.roundId, roundId), eq(goalReportFiles.goalId, goalId), eq(goalReportFiles.id, id))).returning({ id: goalReportFiles.id });
	return gone.length > 0;
}

/** The own measures' values reported in rounds whose period ended by the given date, oldest first. */
export async function ownValuesUpTo(db: Db, programmeId: string, periodEnd: string) {
	return db
		.select({ goalId: goalReports.goalId, value: goalReports.ownValue, year: goalReports.ownValueYear })
		.from(goalReports)
		.innerJoin(followupRounds, eq(followupRounds.id, goalReports.roundId))
		.where(and(eq(followupRounds.programmeId, programmeId), lte(followupRounds.periodEnd, periodEnd), isNotNull(goalReports.ownValue)))
		.orderBy(asc(goalReports.ownValueYear), asc(followupRounds.periodEnd));
}

/** A goal's own measure's values as reported in published rounds, oldest first (what the public may see). */
export async function publishedOwnValues(db: Db, goalId: string): Promise<{ value: number; year: number }[]> {
	const rows = await db
		.select({ value: goalReports.ownValue, year: goalReports.ownValueYear })
		.from(goalReports)
		.innerJoin(followupRounds, eq(followupRounds.id, goalReports.roundId))
		.where(and(eq(goalReports.goalId, goalId), isNotNull(followupRounds.publishedAt), isNotNull(goalReports.ownValue)))
		.orderBy(asc(goalReports.ownValueYear), asc(followupRounds.periodEnd));
	return rows.map((r) => ({ value: Number(r.value), year: r.year! }));
}

/** When each organisation was last reminded in a round. */
export async function listReminders(db: Db, roundId: string): Promise<{ organisationId: string; sentAt: Date }[]> {
	return db.select({ organisationId: followupReminders.organisationId, sentAt: followupReminders.sentAt }).from(followupReminders).where(eq(followupReminders.roundId, roundId));
}

export async function recordReminder(db: Db, roundId: string, organisationId: string, sentAt: Date): Promise<void> {
	await db.insert(followupReminders).values({ roundId, organisationId, sentAt }).onConflictDoUpdate({ target: [followupReminders.roundId, followupReminders.organisationId], set: { sentAt } });
}
