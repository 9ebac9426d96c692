import { and, asc, desc, eq, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { NewInput } from "../inputs/index.js";
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

/** Removes a section with its questions (and conditions elsewhere that pointed at them); run it in a transaction. */
export async function deleteSection(db: Db, id: string): Promise<void> {
	const inSection = db.select({ id: surveyQuestions.id }).from(surveyQuestions).where(eq(surveyQuestions.sectionId, id));
	await db.update(surveyQuestions).set({ showIfQuestionId: null, showIfOptionId: null }).where(inArray(surveyQuestions.showIfQuestionId, inSection));
	await db.delete(surveySections).where(eq(surveySections.id, id));
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

const guards: Record<ResponseGuard, SQL> = {
	// Decided by the database as the answer is stored, whatever a cached definition said a moment ago.
	open: sql`s.status = 'open' and (s.opens_at is null or s.opens_at <= now()) and (s.closes_at is null or now() < s.closes_at)`,
	notDraft: sql`s.status <> 'draft'`,
};

/**
 * Stores one answer, its parts and the inputs its free texts become, in one statement, only if the survey takes it at
 * that instant. A signed-in person's second answer (two tabs at once) meets the one-per-person constraint and is not
 * stored. Says whether the survey took answers and whether this one was stored.
 */
export async function insertResponse(
	db: Db,
	response: typeof surveyResponses.$inferInsert & { id: string },
	answers: NewAnswerWithId[],
	poolRows: NewInput[],
	guard: ResponseGuard,
): Promise<{ open: boolean; stored: boolean }> {
	const values = <T>(rows: T[], row: (r: T) => SQL) => sql.join(rows.map(row), sql`, `);
	const parts = answers.length
		? sql`, a as (insert into survey_answers (id, response_id, question_id, option_id, number, text)
			select v.id, r.id, v.question_id, v.option_id, v.number, v.text from r cross join (values ${values(
				answers,
				(a) => sql`(${a.id}::uuid, ${a.questionId}::uuid, ${a.optionId}::uuid, ${a.number}::int, ${a.text}::text)`,
			)}) as v (id, question_id, option_id, number, text))`
		: sql``;
	// The pool of inputs is the inputs module's table: written here so that an answer and its inputs are one statement
	// (one round trip, no transaction held open between them). Its rows are made new, so no conflict can arise.
	const pool = poolRows.length
		? sql`, i as (insert into inputs (source, source_id, text, occurred_on, locality, age_band, focus_area_id)
			select v.source, v.source_id, v.text, v.occurred_on, v.locality, v.age_band, v.focus_area_id from r cross join (values ${values(
				poolRows,
				(p) => sql`(${p.source}, ${p.sourceId}, ${p.text}, ${p.occurredOn}::date, ${p.locality ?? null}, ${p.ageBand ?? null}, ${p.focusAreaId ?? null}::uuid)`,
			)}) as v (source, source_id, text, occurred_on, locality, age_band, focus_area_id))`
		: sql``;
	const onePerPerson = response.userId ? sql`on conflict on constraint survey_responses_one_per_person do nothing` : sql``;
	const result = await db.execute(sql`with s as (select s.id from surveys s where s.id = ${response.surveyId} and ${guards[guard]}),
		r as (insert into survey_responses (id, survey_id, user_id, channel, submitted_on, locality, age_band)
			select ${response.id}::uuid, s.id, ${response.userId ?? null}::uuid, ${response.channel}, ${response.submittedOn}::date, ${response.locality ?? null}, ${response.ageBand ?? null} from s
			${onePerPerson} returning id)${parts}${pool}
		select (select count(*) from s)::int as open, (select count(*) from r)::int as stored`);
	const [row] = (result as unknown as { rows: { open: number; stored: number }[] }).rows;
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

/** Everything the results page counts, in one statement: parts per question and option, answers per question where needed, answers and paper answers. */
export async function resultCounts(db: Db, surveyId: string): Promise<ResultCounts> {
	const result = await db.execute(sql`
		-- flag: whether the part is a text (a free text or an "other" text)
		select 'part' as kind, a.question_id, a.option_id, a.number, a.text is not null as flag, count(*)::int as n
		from survey_answers a join survey_questions q on q.id = a.question_id
		where q.survey_id = ${surveyId}
		group by a.question_id, a.option_id, a.number, a.text is not null
		union all
		select 'answered', a.question_id, null, null, null, count(distinct a.response_id)::int
		from survey_answers a join survey_questions q on q.id = a.question_id
		where q.survey_id = ${surveyId} and q.kind in ('multiple', 'ranking')
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
