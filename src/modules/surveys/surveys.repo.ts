import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type NewInput, poolInsertStep } from "../inputs/index.js";
import { users } from "../accounts/accounts.schema.js";
import { surveyAnswers, surveyEvents, surveyOptions, surveyQuestions, surveyResponses, surveySections, surveys } from "./surveys.schema.js";

export type Survey = typeof surveys.$inferSelect;
export type Section = typeof surveySections.$inferSelect;
export type Question = typeof surveyQuestions.$inferSelect;
export type Option = typeof surveyOptions.$inferSelect;
export type Response = typeof surveyResponses.$inferSelect;
export type SurveyEventKind = (typeof surveyEvents.$inferSelect)["kind"];
/** One stored event of a survey's history, with the acting person's name and e-mail (null once their account is gone). */
export type StoredSurveyEvent = { kind: SurveyEventKind; at: Date; closesAt: Date | null; byName: string | null; byEmail: string | null };
export type NewAnswer = { questionId: string; optionId: string | null; number: number | null; text: string | null };
/** A question with its options in order. */
export type QuestionWithOptions = Question & { options: Option[] };

/** The programme's surveys, newest first. */
export async function listSurveys(db: Db, programmeId: string): Promise<Survey[]> {
	return db.select().from(surveys).where(eq(surveys.programmeId, programmeId)).orderBy(desc(surveys.createdAt), asc(surveys.id));
}

/** The programme's surveys, newest first, each with how many answers it has. */
export async function listSurveysWithAnswers(db: Db, programmeId: string): Promise<{ survey: Survey; answers: number }[]> {
	const rows = await db
		.select({ survey: surveys, answers: count(surveyResponses.id) })
		.from(surveys)
		.leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
		.where(eq(surveys.programmeId, programmeId))
		.groupBy(surveys.id)
		.orderBy(desc(surveys.createdAt), asc(surveys.id));
	return rows.map((r) => ({ survey: r.survey, answers: Number(r.answers) }));
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

/** One survey, locked until the transaction ends, so that a change and its history event see the same survey. */
export async function lockSurvey(db: Db, id: string): Promise<Survey | undefined> {
	return (await db.select().from(surveys).where(eq(surveys.id, id)).for("update"))[0];
}

/** Adds an event to a survey's history (which is only ever added to). */
export async function insertSurveyEvent(db: Db, values: typeof surveyEvents.$inferInsert): Promise<void> {
	await db.insert(surveyEvents).values(values);
}

/** A survey's history, oldest first. */
export async function listSurveyEvents(db: Db, surveyId: string): Promise<StoredSurveyEvent[]> {
	return db
		.select({ kind: surveyEvents.kind, at: surveyEvents.at, closesAt: surveyEvents.closesAt, byName: users.name, byEmail: users.email })
		.from(surveyEvents)
		.leftJoin(users, eq(users.id, surveyEvents.byUserId))
		.where(eq(surveyEvents.surveyId, surveyId))
		.orderBy(asc(surveyEvents.at), asc(surveyEvents.id));
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

/**
 * Removes a section with its questions (and conditions elsewhere that pointed at them) while its survey has no answers,
 * as the database sees it at the delete. Returns false when it had answers: run it in a transaction, and roll back then.
 */
export async function deleteSection(db: Db, surveyId: string, id: string): Promise<boolean> {
	const inSection = db.select({ id: surveyQuestions.id }).from(surveyQuestions).where(eq(surveyQuestions.sectionId, id));
	await db.update(surveyQuestions).set({ showIfQuestionId: null, showIfOptionId: null }).where(inArray(surveyQuestions.showIfQuestionId, inSection));
	const unanswered = sql`not exists (select 1 from survey_responses where survey_id = ${surveyId})`;
	const deleted = await db
		.delete(surveySections)
		.where(and(eq(surveySections.id, id), eq(surveySections.surveyId, surveyId), unanswered))
		.returning({ id: surveySections.id });
	return deleted.length > 0;
}

/** How many answers a survey has. */
export async function countResponses(db: Db, surveyId: string): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
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

/** An answer part with the id it will be stored under (made by the caller, so one statement can store everything). */
export type NewAnswerWithId = NewAnswer & { id: string };

/** Which surveys take an answer: web answers only while open and between their times, paper ones once no longer a draft. */
export type ResponseGuard = "open" | "notDraft";

const p = (name: string) => sql.placeholder(name);

/**
 * The statement that stores an answer, its parts and its inputs. Its text never changes (parts come as arrays), so
 * PostgreSQL parses and plans it once per connection instead of on every answer: that halves the database's work.
 */
function insertResponseStatement(db: Db) {
	const open = db.$with("s", {}).as(sql`select s.id from surveys s where s.id = ${p("surveyId")} and case ${p("guard")}::text
		when 'open' then s.status = 'open' and (s.opens_at is null or s.opens_at <= now()) and (s.closes_at is null or now() < s.closes_at)
		else s.status <> 'draft' end`);
	const response = db.$with("r", {}).as(sql`insert into survey_responses (id, survey_id, user_id, channel, submitted_on, locality, age_band)
		select ${p("id")}::uuid, s.id, ${p("userId")}::uuid, ${p("channel")}, ${p("submittedOn")}::date, ${p("locality")}::text, ${p("ageBand")}::text from s
		on conflict on constraint survey_responses_one_per_person do nothing returning id`);
	const parts = db.$with("a", {}).as(sql`insert into survey_answers (id, response_id, question_id, option_id, number, text)
		select v.id, r.id, v.question_id, v.option_id, v.number, v.text from r
		cross join unnest(${p("partIds")}::uuid[], ${p("questionIds")}::uuid[], ${p("optionIds")}::uuid[], ${p("numbers")}::int[], ${p("texts")}::text[])
			as v (id, question_id, option_id, number, text)`);
	// The answer's inputs go into the pool in the same statement: one round trip, no transaction held open between them.
	const pool = poolInsertStep(db, "r");
	return db
		.with(open, response, parts, pool)
		.select({ open: sql<number>`(select count(*) from s)::int`, stored: sql<number>`count(*)::int` })
		.from(sql`r`)
		.prepare("survey_insert_response");
}

const insertResponseStatements = new WeakMap<Db, ReturnType<typeof insertResponseStatement>>();

/**
 * Stores one answer, its parts and the inputs its free texts become, in one statement, only if the survey takes it at
 * that instant (decided by the database, whatever a cached definition said a moment ago). A signed-in person's second
 * answer (two tabs at once) meets the one-per-person constraint and is not stored. Says whether the survey took
 * answers and whether this one was stored.
 */
export async function insertResponse(
	db: Db,
	response: typeof surveyResponses.$inferInsert & { id: string },
	answers: NewAnswerWithId[],
	poolRows: NewInput[],
	guard: ResponseGuard,
): Promise<{ open: boolean; stored: boolean }> {
	let statement = insertResponseStatements.get(db);
	if (!statement) {
		statement = insertResponseStatement(db);
		insertResponseStatements.set(db, statement);
	}
	const [row] = await statement.execute({
		surveyId: response.surveyId,
		guard,
		id: response.id,
		userId: response.userId ?? null,
		channel: response.channel,
		submittedOn: response.submittedOn,
		locality: response.locality ?? null,
		ageBand: response.ageBand ?? null,
		partIds: answers.map((a) => a.id),
		questionIds: answers.map((a) => a.questionId),
		optionIds: answers.map((a) => a.optionId),
		numbers: answers.map((a) => a.number),
		texts: answers.map((a) => a.text),
		sources: poolRows.map((r) => r.source),
		sourceIds: poolRows.map((r) => r.sourceId),
		inputTexts: poolRows.map((r) => r.text),
		occurredOn: poolRows.map((r) => r.occurredOn),
		localities: poolRows.map((r) => r.locality ?? null),
		ageBands: poolRows.map((r) => r.ageBand ?? null),
	});
	return { open: Number(row?.open) > 0, stored: Number(row?.stored) > 0 };
}

/** Replaces the parts of an existing answer; returns the ids of the removed parts. */
export async function replaceAnswers(db: Db, responseId: string, values: Partial<typeof surveyResponses.$inferInsert>, answers: NewAnswerWithId[]): Promise<string[]> {
	await db.update(surveyResponses).set(values).where(eq(surveyResponses.id, responseId));
	const removed = await db.delete(surveyAnswers).where(eq(surveyAnswers.responseId, responseId)).returning({ id: surveyAnswers.id });
	if (answers.length) await db.insert(surveyAnswers).values(answers.map((a) => ({ ...a, responseId })));
	return removed.map((r) => r.id);
}

/** A survey's counts for its results page, from one grouped statement. */
export type ResultCounts = {
	/** Per question and option (or rating, or rank, or text): how many answer parts. */
	parts: { questionId: string; optionId: string | null; number: number | null; isText: boolean; n: number }[];
	/** Per multiple-choice or ranking question: how many answers answered it (one answer holds several parts there). */
	answered: Map<string, number>;
	responses: number;
	paper: number;
};

/**
 * Everything the results page counts, in one statement: parts per question and option, answers per question where one
 * answer holds several parts (questionIds and manyPartIds are the survey's; listed so the planner sees how many rows
 * each has), answers and paper answers.
 */
export async function resultCounts(db: Db, surveyId: string, questionIds: string[], manyPartIds: string[]): Promise<ResultCounts> {
	// "in ()" is not valid SQL; the nil uuid matches no question.
	const list = (ids: string[]) => (ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]);
	const result = await db.execute(sql`
		-- flag: whether the part is a text (a free text or an "other" text)
		select 'part' as kind, a.question_id, a.option_id, a.number, a.text is not null as flag, count(*)::int as n
		from survey_answers a where a.question_id in ${list(questionIds)}
		group by a.question_id, a.option_id, a.number, a.text is not null
		union all
		select 'answered', a.question_id, null, null, null, count(distinct a.response_id)::int
		from survey_answers a where a.question_id in ${list(manyPartIds)}
		group by a.question_id
		union all
		-- flag: whether the answers came on paper
		select 'responses', null, null, null, r.channel = 'paper', count(*)::int
		from survey_responses r where r.survey_id = ${surveyId}
		group by r.channel = 'paper'`);
	type Row = { kind: string; question_id: string | null; option_id: string | null; number: number | null; flag: boolean | null; n: number };
	const out: ResultCounts = { parts: [], answered: new Map(), responses: 0, paper: 0 };
	for (const r of (result as unknown as { rows: Row[] }).rows) {
		const n = Number(r.n);
		if (r.kind === "part") out.parts.push({ questionId: r.question_id!, optionId: r.option_id, number: r.number === null ? null : Number(r.number), isText: Boolean(r.flag), n });
		else if (r.kind === "answered") out.answered.set(r.question_id!, n);
		else {
			out.responses += n;
			if (r.flag) out.paper += n;
		}
	}
	return out;
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

/** A person's own answers (signed-in surveys), one row per answer part, in survey, question and option order. */
export async function listAnswersOfUser(db: Db, userId: string) {
	return db
		.select({
			responseId: surveyResponses.id,
			survey: surveys.title,
			submittedOn: surveyResponses.submittedOn,
			question: surveyQuestions.text,
			option: surveyOptions.label,
			number: surveyAnswers.number,
			text: surveyAnswers.text,
		})
		.from(surveyResponses)
		.innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
		.leftJoin(surveyAnswers, eq(surveyAnswers.responseId, surveyResponses.id))
		.leftJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
		.leftJoin(surveyOptions, eq(surveyOptions.id, surveyAnswers.optionId))
		.where(eq(surveyResponses.userId, userId))
		.orderBy(asc(surveys.title), asc(surveyResponses.id), asc(surveyQuestions.position), asc(surveyOptions.position), asc(surveyAnswers.number));
}
