import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyAnswers, surveyOptions, surveyQuestions, surveyResponses, surveySections, surveys } from "./surveys.schema.js";

export type Survey = typeof surveys.$inferSelect;
export type Section = typeof surveySections.$inferSelect;
export type Question = typeof surveyQuestions.$inferSelect;
export type Option = typeof surveyOptions.$inferSelect;
export type Response = typeof surveyResponses.$inferSelect;
export type NewAnswer = { questionId: string; optionId: string | null; number: number | null; text: string | null };
/** A question with its options in order. */
export type QuestionWithOptions = Question & { options: Option[] };

/** The programme's surveys, newest first. */
export async function listSurveys(db: Db, programmeId: string): Promise<Survey[]> {
	return db.select().from(surveys).where(eq(surveys.programmeId, programmeId)).orderBy(desc(surveys.createdAt), asc(surveys.id));
}

/** One survey. */
export async function findSurvey(db: Db, id: string): Promise<Survey | undefined> {
	return (await db.select().from(surveys).where(eq(surveys.id, id)))[0];
}

/** Creates a survey. */
export async function insertSurvey(db: Db, values: typeof surveys.$inferInsert): Promise<Survey> {
	return (await db.insert(surveys).values(values).returning())[0]!;
}

/** Changes a survey's settings or status. */
export async function updateSurvey(db: Db, id: string, values: Partial<typeof surveys.$inferInsert>): Promise<void> {
	await db.update(surveys).set(values).where(eq(surveys.id, id));
}

/** A survey's sections in order. */
export async function listSections(db: Db, surveyId: string): Promise<Section[]> {
	return db.select().from(surveySections).where(eq(surveySections.surveyId, surveyId)).orderBy(asc(surveySections.position));
}

/** Adds a section at the end. */
export async function insertSection(db: Db, surveyId: string, title: string, description: string): Promise<Section> {
	const [row] = await db
		.insert(surveySections)
		.values({
			surveyId,
			title,
			description,
			position: sql`(select coalesce(max(position), 0) + 1 from survey_sections where survey_id = ${surveyId})`,
		})
		.returning();
	return row!;
}

/** Changes a section's wording. */
export async function updateSection(db: Db, id: string, title: string, description: string): Promise<void> {
	await db.update(surveySections).set({ title, description }).where(eq(surveySections.id, id));
}

/** A survey's questions with their options, in section order, then question order. */
export async function listQuestions(db: Db, surveyId: string): Promise<QuestionWithOptions[]> {
	const questions = await db
		.select({ q: surveyQuestions })
		.from(surveyQuestions)
		.innerJoin(surveySections, eq(surveySections.id, surveyQuestions.sectionId))
		.where(eq(surveyQuestions.surveyId, surveyId))
		.orderBy(asc(surveySections.position), asc(surveyQuestions.position));
	const ids = questions.map((r) => r.q.id);
	const options = ids.length
		? await db.select().from(surveyOptions).where(inArray(surveyOptions.questionId, ids)).orderBy(asc(surveyOptions.position))
		: [];
	return questions.map(({ q }) => ({ ...q, options: options.filter((o) => o.questionId === q.id) }));
}

/** Adds a question at the end of its section, with its options. */
export async function insertQuestion(db: Db, values: Omit<typeof surveyQuestions.$inferInsert, "position">, optionLabels: string[]): Promise<Question> {
	const [question] = await db
		.insert(surveyQuestions)
		.values({
			...values,
			position: sql`(select coalesce(max(position), 0) + 1 from survey_questions where section_id = ${values.sectionId})`,
		})
		.returning();
	if (optionLabels.length) await db.insert(surveyOptions).values(optionLabels.map((label, i) => ({ questionId: question!.id, position: i + 1, label })));
	return question!;
}

/** Changes a question; options are replaced when their number changes, else relabelled in place (their ids stay). */
export async function updateQuestion(db: Db, id: string, values: Partial<typeof surveyQuestions.$inferInsert>, optionLabels: string[]): Promise<void> {
	await db.update(surveyQuestions).set(values).where(eq(surveyQuestions.id, id));
	const current = await db.select().from(surveyOptions).where(eq(surveyOptions.questionId, id)).orderBy(asc(surveyOptions.position));
	if (current.length === optionLabels.length) {
		for (const [i, option] of current.entries()) {
			if (option.label !== optionLabels[i]) await db.update(surveyOptions).set({ label: optionLabels[i]! }).where(eq(surveyOptions.id, option.id));
		}
		return;
	}
	await db.delete(surveyOptions).where(eq(surveyOptions.questionId, id));
	if (optionLabels.length) await db.insert(surveyOptions).values(optionLabels.map((label, i) => ({ questionId: id, position: i + 1, label })));
}

/** Removes a question (and conditions that pointed at it). */
export async function deleteQuestion(db: Db, id: string): Promise<void> {
	await db.update(surveyQuestions).set({ showIfQuestionId: null, showIfOptionId: null }).where(eq(surveyQuestions.showIfQuestionId, id));
	await db.delete(surveyQuestions).where(eq(surveyQuestions.id, id));
}

/** How many answers a survey has. */
export async function countResponses(db: Db, surveyId: string): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
	return Number(row?.n ?? 0);
}

/** How many answers of a survey came on paper. */
export async function countPaper(db: Db, surveyId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(surveyResponses)
		.where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.channel, "paper")));
	return Number(row?.n ?? 0);
}

/** A signed-in person's answer to a survey, with its parts. */
export async function findResponseOfUser(db: Db, surveyId: string, userId: string) {
	const [response] = await db
		.select()
		.from(surveyResponses)
		.where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.userId, userId)));
	if (!response) return undefined;
	return { response, answers: await db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, response.id)) };
}

/** Stores answers to a survey in one statement per table (the demo and the paper form store many). */
export async function insertResponses(
	db: Db,
	rows: { response: typeof surveyResponses.$inferInsert; answers: NewAnswer[] }[],
): Promise<{ responseId: string; answerIds: string[] }[]> {
	if (rows.length === 0) return [];
	const responses = await db
		.insert(surveyResponses)
		.values(rows.map((r) => r.response))
		.returning({ id: surveyResponses.id });
	const parts = rows.flatMap((r, i) => r.answers.map((a) => ({ ...a, responseId: responses[i]!.id })));
	const inserted = parts.length ? await db.insert(surveyAnswers).values(parts).returning({ id: surveyAnswers.id, responseId: surveyAnswers.responseId }) : [];
	return responses.map((r) => ({ responseId: r.id, answerIds: inserted.filter((a) => a.responseId === r.id).map((a) => a.id) }));
}

/** Replaces the parts of an existing answer; returns the ids of the removed parts. */
export async function replaceAnswers(db: Db, responseId: string, values: Partial<typeof surveyResponses.$inferInsert>, answers: NewAnswer[]) {
	await db.update(surveyResponses).set(values).where(eq(surveyResponses.id, responseId));
	const removed = await db.delete(surveyAnswers).where(eq(surveyAnswers.responseId, responseId)).returning({ id: surveyAnswers.id });
	const inserted = answers.length ? await db.insert(surveyAnswers).values(answers.map((a) => ({ ...a, responseId }))).returning({ id: surveyAnswers.id }) : [];
	return { removedIds: removed.map((r) => r.id), answerIds: inserted.map((r) => r.id) };
}

/** Per question and option (or rating, or rank): how many answers chose it. */
export async function answerCounts(db: Db, questionIds: string[]) {
	if (questionIds.length === 0) return [];
	const rows = await db
		.select({
			questionId: surveyAnswers.questionId,
			optionId: surveyAnswers.optionId,
			number: surveyAnswers.number,
			isText: sql<boolean>`${surveyAnswers.text} is not null`,
			n: sql<number>`count(*)::int`,
		})
		.from(surveyAnswers)
		.where(inArray(surveyAnswers.questionId, questionIds))
		.groupBy(surveyAnswers.questionId, surveyAnswers.optionId, surveyAnswers.number, sql`${surveyAnswers.text} is not null`);
	return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Per question: how many answers answered it at all (for questions where one answer may hold several parts). */
export async function answeredCounts(db: Db, questionIds: string[]): Promise<Map<string, number>> {
	if (questionIds.length === 0) return new Map();
	const rows = await db
		.select({ questionId: surveyAnswers.questionId, n: sql<number>`count(distinct ${surveyAnswers.responseId})::int` })
		.from(surveyAnswers)
		.where(inArray(surveyAnswers.questionId, questionIds))
		.groupBy(surveyAnswers.questionId);
	return new Map(rows.map((r) => [r.questionId, Number(r.n)]));
}

/** Free-text answers of one question (and "other" texts), filtered by a search word and by chosen background options. */
export async function freeTexts(db: Db, questionId: string, search: string, optionIds: string[], limit: number) {
	const conditions = [eq(surveyAnswers.questionId, questionId), isNotNull(surveyAnswers.text)];
	if (search) conditions.push(sql`${surveyAnswers.text} ilike ${`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
	for (const optionId of optionIds) {
		conditions.push(
			sql`exists (select 1 from survey_answers f where f.response_id = ${surveyAnswers.responseId} and f.option_id = ${optionId})`,
		);
	}
	const where = and(...conditions);
	const [rows, [total]] = await Promise.all([
		db
			.select({ id: surveyAnswers.id, text: surveyAnswers.text, submittedOn: surveyResponses.submittedOn, channel: surveyResponses.channel, locality: surveyResponses.locality, ageBand: surveyResponses.ageBand })
			.from(surveyAnswers)
			.innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
			.where(where)
			.orderBy(desc(surveyResponses.submittedOn), asc(surveyAnswers.id))
			.limit(limit),
		db.select({ n: sql<number>`count(*)::int` }).from(surveyAnswers).where(where),
	]);
	return { rows: rows.map((r) => ({ ...r, text: r.text ?? "" })), total: Number(total?.n ?? 0) };
}

/** Every answer of a survey with its parts, for export. */
export async function allResponses(db: Db, surveyId: string) {
	const [responses, parts] = await Promise.all([
		db
			.select({ id: surveyResponses.id, channel: surveyResponses.channel, submittedOn: surveyResponses.submittedOn })
			.from(surveyResponses)
			.where(eq(surveyResponses.surveyId, surveyId))
			.orderBy(asc(surveyResponses.submittedOn), asc(surveyResponses.id)),
		db
			.select({ responseId: surveyAnswers.responseId, questionId: surveyAnswers.questionId, optionId: surveyAnswers.optionId, number: surveyAnswers.number, text: surveyAnswers.text })
			.from(surveyAnswers)
			.innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
			.where(eq(surveyResponses.surveyId, surveyId)),
	]);
	const byResponse = new Map<string, NewAnswer[]>();
	for (const p of parts) {
		const list = byResponse.get(p.responseId) ?? [];
		list.push(p);
		byResponse.set(p.responseId, list);
	}
	return responses.map((r) => ({ ...r, answers: byResponse.get(r.id) ?? [] }));
}

/** Deletes the links between answers and accounts of surveys whose retention date has passed; returns the surveys' ids. */
export async function deleteAccountLinks(db: Db, today: string): Promise<string[]> {
	const due = await db.select({ id: surveys.id }).from(surveys).where(and(isNotNull(surveys.retainUntil), lt(surveys.retainUntil, today)));
	const ids = due.map((s) => s.id);
	if (ids.length === 0) return [];
	await db.update(surveyResponses).set({ userId: null }).where(and(inArray(surveyResponses.surveyId, ids), isNotNull(surveyResponses.userId)));
	await db.update(surveys).set({ personalDataDeletedAt: new Date() }).where(and(inArray(surveys.id, ids), sql`${surveys.personalDataDeletedAt} is null`));
	return ids;
}

/** Per survey: counts of answers by channel, locality, age band and day, and the signed-in people. */
export async function participationRows(db: Db) {
	return db
		.select({
			surveyId: surveys.id,
			title: surveys.title,
			channel: surveyResponses.channel,
			userId: surveyResponses.userId,
			locality: surveyResponses.locality,
			ageBand: surveyResponses.ageBand,
			submittedOn: surveyResponses.submittedOn,
			n: sql<number>`count(*)::int`,
		})
		.from(surveyResponses)
		.innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
		.groupBy(surveys.id, surveys.title, surveyResponses.channel, surveyResponses.userId, surveyResponses.locality, surveyResponses.ageBand, surveyResponses.submittedOn);
}
