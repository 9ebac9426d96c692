import { randomUUID } from "node:crypto";
import { fromStockholmLocal, toStockholmLocal } from "../../i18n/stockholm-time.js";
import { type Db, isForeignKeyViolation } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { cleanedFields } from "../../ui/refusals.js";
import { addInputs, removeInputs } from "../inputs/index.js";
import { getProgramme } from "../programmes/index.js";
import { type AnswerState, answerValues, fieldName, paperToWebValues, readAnswers, valuesFromAnswers } from "./surveys.answers.js";
import { surveyCache } from "./surveys.cache.js";
import { questionInput, reopenInput, sectionInput, surveyInput } from "./surveys.input.js";
import { authorize, may } from "./surveys.policy.js";
import * as repo from "./surveys.repo.js";

export type { AnswerState } from "./surveys.answers.js";

/** A survey with its sections and questions. */
export type SurveyDefinition = { survey: repo.Survey; sections: repo.Section[]; questions: repo.QuestionWithOptions[] };

/** Whether a survey takes answers now: open, and between its open and close times. */
function acceptsAnswers(survey: repo.Survey, now = new Date()): boolean {
	return survey.status === "open" && (!survey.opensAt || survey.opensAt <= now) && (!survey.closesAt || now < survey.closesAt);
}

async function definition(db: Db, id: string): Promise<SurveyDefinition> {
	if (!isUuid(id)) throw notFound();
	const [survey, sections, questions] = await Promise.all([repo.findSurvey(db, id), repo.listSections(db, id), repo.listQuestions(db, id)]);
	if (!survey) throw notFound();
	return { survey, sections, questions };
}

// Residents' pages read a survey's definition on every view and answer; it is kept for a moment (see surveys.cache.ts).
const definitions = surveyCache<SurveyDefinition>();

/** A survey's definition as residents and officials see it, from the short-lived cache. */
function publicDefinition(db: Db, id: string): Promise<SurveyDefinition> {
	if (!isUuid(id)) throw notFound();
	return definitions.get(db, id, () => definition(db, id));
}

/** Forgets what is cached of a survey after the coordinator changed it, so this process shows the change at once. */
function changed(db: Db, id: string): void {
	definitions.forget(db, id);
}

/** The coordinator's view of a survey's definition, read afresh. */
export async function adminDefinition(db: Db, viewer: Viewer | null, id: string): Promise<SurveyDefinition> {
	await authorize(db, viewer, "administer");
	return definition(db, id);
}

/** The coordinator's list of surveys with their answer counts. */
export async function surveysForAdmin(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "administer");
	const programme = await getProgramme(db);
	return repo.listSurveysWithAnswers(db, programme.id);
}

/** Creates a draft survey with one section, named by the caller's language; bad input gives back the list to show again. */
export async function createSurvey(db: Db, viewer: Viewer | null, body: unknown, firstSectionTitle: string) {
	await authorize(db, viewer, "administer");
	const programme = await getProgramme(db);
	const parsed = parseForm(surveyInput, body);
	if (!parsed.ok) return { ok: false as const, state: parsed.state, surveys: await repo.listSurveysWithAnswers(db, programme.id) };
	const { opensAt, closesAt, ...rest } = parsed.data;
	const survey = await db.transaction(async (tx) => {
		const created = await repo.insertSurvey(tx, { ...rest, programmeId: programme.id, ...times(opensAt, closesAt) });
		await repo.insertSection(tx, created.id, firstSectionTitle, "");
		return created;
	});
	return { ok: true as const, survey };
}

const times = (opensAt: string | null, closesAt: string | null) => ({
	opensAt: opensAt ? fromStockholmLocal(opensAt) : null,
	closesAt: closesAt ? fromStockholmLocal(closesAt) : null,
});

/** A survey as the coordinator edits it: its definition, its answer count, whether its structure is locked, and its history. */
export async function surveyForAdmin(db: Db, viewer: Viewer | null, id: string) {
	const def = await adminDefinition(db, viewer, id);
	const [answers, events] = await Promise.all([repo.countResponses(db, id), repo.listSurveyEvents(db, id)]);
	return { ...def, answers, locked: answers > 0, history: surveyHistory(def.survey, events) };
}

/** One line of a survey's history: a stored event, or its closing time passing while it was open ("closedAtClosingTime"). */
export type HistoryEntry = { kind: repo.SurveyEventKind | "closedAtClosingTime"; at: Date; closesAt: Date | null; by: string | null };

/**
 * A survey's history, newest first. Nobody acts when a closing time passes, so that is not stored but read from the
 * closing time in force after each event: it is shown when the survey was open and taking answers then, and the
 * closing time came before the next event (or now).
 */
export function surveyHistory(survey: repo.Survey, events: repo.StoredSurveyEvent[], now = new Date()): HistoryEntry[] {
	const entries: HistoryEntry[] = [];
	const closedAt = (at: Date): HistoryEntry => ({ kind: "closedAtClosingTime", at, closesAt: at, by: null });
	let open = false;
	for (const [i, e] of events.entries()) {
		entries.push({ kind: e.kind, at: e.at, closesAt: e.closesAt, by: e.byName || e.byEmail });
		if (e.kind === "opened" || e.kind === "reopened") open = true;
		else if (e.kind === "closed") open = false;
		const until = events[i + 1]?.at ?? now;
		if (open && e.closesAt && e.at < e.closesAt && e.closesAt <= until) entries.push(closedAt(e.closesAt));
	}
	// Surveys opened before their history was kept have no events; what they are now still tells whether they timed out.
	if (events.length === 0 && survey.status === "open" && survey.closesAt && survey.closesAt <= now) entries.push(closedAt(survey.closesAt));
	return entries.reverse();
}

/**
 * Changes a survey and adds the event to its history in one transaction, while the survey is still in status `from`
 * (another coordinator may have moved it since the page was read: then nothing changes and the request is not found).
 */
async function moveSurvey(db: Db, by: string, id: string, from: repo.Survey["status"], values: { status: repo.Survey["status"]; closesAt?: Date | null }, kind: repo.SurveyEventKind) {
	const moved = await db.transaction(async (tx) => {
		const current = await repo.lockSurvey(tx, id);
		if (current?.status !== from) return false;
		await repo.updateSurvey(tx, id, values);
		await repo.insertSurveyEvent(tx, { surveyId: id, kind, byUserId: by, closesAt: values.closesAt === undefined ? current.closesAt : values.closesAt });
		return true;
	});
	if (!moved) throw notFound();
	changed(db, id);
}

/** The settings form filled from a stored survey. */
export function surveyFormState(survey: repo.Survey): FormState {
	return formState({
		title: survey.title,
		intro: survey.intro,
		anonymous: String(survey.anonymous),
		publishQuotes: String(survey.publishQuotes),
		opensAt: survey.opensAt ? toStockholmLocal(survey.opensAt) : "",
		closesAt: survey.closesAt ? toStockholmLocal(survey.closesAt) : "",
		retainUntil: survey.retainUntil ?? "",
	});
}

/**
 * Saves a survey's settings; whether it is anonymous cannot change once it has answers, and quotes can be allowed only
 * before the first answer (those who answered were not told), though they can always be stopped.
 */
export async function updateSurvey(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await surveyForAdmin(db, viewer, id);
	const parsed = parseForm(surveyInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	if (page.locked && parsed.data.anonymous !== page.survey.anonymous) {
		return { ok: false as const, page, state: withError(body as Record<string, unknown>, "anonymous", "survey.error.locked") };
	}
	if (page.locked && parsed.data.publishQuotes && !page.survey.publishQuotes) {
		return { ok: false as const, page, state: withError(body as Record<string, unknown>, "publishQuotes", "survey.error.quotesLocked") };
	}
	const { opensAt, closesAt, ...rest } = parsed.data;
	const values = { ...rest, ...times(opensAt, closesAt) };
	await db.transaction(async (tx) => {
		const current = await repo.lockSurvey(tx, id);
		await repo.updateSurvey(tx, id, values);
		// A new closing time can end an open survey or let one that timed out take answers again: that belongs in its history.
		// Compared as the form shows it (to the minute), so saving other settings never records a change.
		if (current && current.status !== "draft" && (current.closesAt ? toStockholmLocal(current.closesAt) : null) !== closesAt) {
			await repo.insertSurveyEvent(tx, { surveyId: id, kind: "closesAtChanged", byUserId: viewer!.id, closesAt: values.closesAt });
		}
	});
	changed(db, id);
	return { ok: true as const };
}

/** Moves a survey on: draft → open → closed; says where it went, for the confirmation. */
export async function changeStatus(db: Db, viewer: Viewer | null, id: string, to: unknown): Promise<"open" | "closed"> {
	const { survey } = await surveyForAdmin(db, viewer, id);
	const next = ({ draft: "open", open: "closed", closed: null } as const)[survey.status];
	if (!next || to !== next) throw notFound();
	// surveyForAdmin let only a signed-in coordinator through.
	await moveSurvey(db, viewer!.id, id, survey.status, { status: next }, next === "open" ? "opened" : "closed");
	return next;
}

/** Opens a closed survey again, with a new closing time (or none); the time must lie ahead, or it would stay closed. */
export async function reopenSurvey(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await surveyForAdmin(db, viewer, id);
	if (page.survey.status !== "closed") throw notFound();
	const parsed = parseForm(reopenInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	const closesAt = parsed.data.newClosesAt ? fromStockholmLocal(parsed.data.newClosesAt) : null;
	if (closesAt && closesAt <= new Date()) return { ok: false as const, page, state: withError(body as Record<string, unknown>, "newClosesAt", "survey.error.closesInPast") };
	await moveSurvey(db, viewer!.id, id, "closed", { status: "open", closesAt }, "reopened");
	return { ok: true as const };
}

const lockedState = (body: unknown): FormState => withError(body as Record<string, unknown>, "_form", "survey.error.locked");

/** Adds a section, unless the survey has answers. */
export async function addSection(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await surveyForAdmin(db, viewer, id);
	if (page.locked) return { ok: false as const, page, state: lockedState(body) };
	const parsed = parseForm(sectionInput, body);
	if (!parsed.ok) return { ok: false as const, page, state: parsed.state };
	await repo.insertSection(db, id, parsed.data.title, parsed.data.description);
	changed(db, id);
	return { ok: true as const };
}

/** One section of a survey for its edit form. */
export async function sectionForAdmin(db: Db, viewer: Viewer | null, id: string, sectionId: string) {
	const page = await surveyForAdmin(db, viewer, id);
	const section = page.sections.find((s) => s.id === sectionId);
	if (!section) throw notFound();
	return { page, section };
}

/** Changes a section's wording (allowed also when the survey has answers). */
export async function updateSection(db: Db, viewer: Viewer | null, id: string, sectionId: string, body: unknown) {
	const { page, section } = await sectionForAdmin(db, viewer, id, sectionId);
	const parsed = parseForm(sectionInput, body);
	if (!parsed.ok) return { ok: false as const, page, section, state: parsed.state };
	await repo.updateSection(db, sectionId, parsed.data.title, parsed.data.description);
	changed(db, id);
	return { ok: true as const };
}

/** Whether a survey's sections may be deleted: only while it has no answers, and never its last section (questions need one). */
export function sectionDeletable(page: { locked: boolean; sections: unknown[] }): boolean {
	return !page.locked && page.sections.length > 1;
}

/** Removes a section with its questions, unless the survey has answers or the section is its only one. */
export async function deleteSection(db: Db, viewer: Viewer | null, id: string, sectionId: string): Promise<{ ok: boolean }> {
	const { page } = await sectionForAdmin(db, viewer, id, sectionId);
	if (!sectionDeletable(page)) return { ok: false };
	// An answer stored since the page was read keeps the section: the transaction is rolled back.
	const answered = new Error("the survey was answered meanwhile");
	const ok = await db
		.transaction(async (tx) => {
			if (!(await repo.deleteSection(tx, id, sectionId))) throw answered;
			return true;
		})
		.catch((err: unknown) => {
			if (err === answered) return false;
			throw err;
		});
	changed(db, id);
	return { ok };
}

/** The conditions a question may have: "an earlier choice question was answered with this option". */
export function conditionChoices(questions: repo.QuestionWithOptions[], before?: string) {
	const end = before ? questions.findIndex((q) => q.id === before) : questions.length;
	return questions
		.slice(0, end < 0 ? questions.length : end)
		.filter((q) => q.kind === "single" || q.kind === "multiple")
		.flatMap((q) => q.options.map((o) => ({ value: `${q.id}:${o.id}`, question: q.text, option: o.label })));
}

/** The question form filled from a stored question. */
export function questionFormState(q: repo.QuestionWithOptions): FormState {
	return formState({
		sectionId: q.sectionId,
		kind: q.kind,
		text: q.text,
		help: q.help,
		required: q.required ? "on" : "",
		options: q.options.map((o) => o.label).join("\n"),
		maxChoices: q.maxChoices ?? "",
		allowOther: q.allowOther ? "on" : "",
		lowLabel: q.lowLabel,
		highLabel: q.highLabel,
		maxLength: q.maxLength,
		showIf: q.showIfQuestionId ? `${q.showIfQuestionId}:${q.showIfOptionId}` : "",
	});
}

function readQuestion(page: SurveyDefinition, body: unknown, questionId?: string) {
	const parsed = parseForm(questionInput, body);
	if (!parsed.ok) return parsed;
	const d = parsed.data;
	const fail = (field: string, key: string) => ({ ok: false as const, state: withError(body as Record<string, unknown>, field, key) });
	if (!page.sections.some((s) => s.id === d.sectionId)) return fail("sectionId", "survey.error.forgedOption");
	if (d.showIf && !conditionChoices(page.questions, questionId).some((c) => c.value === d.showIf)) return fail("showIf", "survey.error.forgedOption");
	const [showIfQuestionId, showIfOptionId] = d.showIf ? d.showIf.split(":") : [null, null];
	const choice = d.kind === "single" || d.kind === "multiple";
	return {
		ok: true as const,
		options: choice || d.kind === "ranking" ? d.options : [],
		values: {
			sectionId: d.sectionId,
			kind: d.kind,
			text: d.text,
			help: d.help,
			required: d.required,
			maxChoices: d.kind === "multiple" ? d.maxChoices : null,
			allowOther: choice && d.allowOther,
			lowLabel: d.kind === "rating" ? d.lowLabel : "",
			highLabel: d.kind === "rating" ? d.highLabel : "",
			maxLength: d.maxLength,
			showIfQuestionId: showIfQuestionId ?? null,
			showIfOptionId: showIfOptionId ?? null,
		},
	};
}

/** Adds a question, unless the survey has answers. */
export async function createQuestion(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await surveyForAdmin(db, viewer, id);
	if (page.locked) return { ok: false as const, page, state: lockedState(body) };
	const read = readQuestion(page, body);
	if (!read.ok) return { ok: false as const, page, state: read.state };
	await repo.insertQuestion(db, { ...read.values, surveyId: id }, read.options);
	changed(db, id);
	return { ok: true as const };
}

/** One question of a survey for its edit form. */
export async function questionForAdmin(db: Db, viewer: Viewer | null, id: string, questionId: string) {
	const page = await surveyForAdmin(db, viewer, id);
	const question = page.questions.find((q) => q.id === questionId);
	if (!question) throw notFound();
	return { page, question };
}

/** Changes a question; once the survey has answers only its wording (texts and option labels) may change. */
export async function updateQuestion(db: Db, viewer: Viewer | null, id: string, questionId: string, body: unknown) {
	const { page, question } = await questionForAdmin(db, viewer, id, questionId);
	const read = readQuestion(page, body, questionId);
	if (!read.ok) return { ok: false as const, page, question, state: read.state };
	if (page.locked) {
		const v = read.values;
		const same =
			v.sectionId === question.sectionId &&
			v.kind === question.kind &&
			v.required === question.required &&
			v.maxChoices === question.maxChoices &&
			v.allowOther === question.allowOther &&
			v.maxLength === question.maxLength &&
			v.showIfQuestionId === question.showIfQuestionId &&
			v.showIfOptionId === question.showIfOptionId &&
			read.options.length === question.options.length;
		if (!same) return { ok: false as const, page, question, state: lockedState(body) };
	}
	await repo.updateQuestion(db, questionId, read.values, read.options);
	changed(db, id);
	return { ok: true as const };
}

/** Removes a question, unless the survey has answers. */
export async function deleteQuestion(db: Db, viewer: Viewer | null, id: string, questionId: string) {
	const { page } = await questionForAdmin(db, viewer, id, questionId);
	if (page.locked) return { ok: false as const };
	await repo.deleteQuestion(db, questionId);
	changed(db, id);
	return { ok: true as const };
}

/** The words of the standard background questions, in the coordinator's language. */
export type BackgroundTexts = {
	locality: string;
	otherLocality: string;
	ageBand: string;
	ageBands: string[];
	relation: string;
	relations: string[];
	help: string;
};

/** Adds the standard background questions (locality, age band, relation to the community) in a section of their own. */
export async function addBackgroundQuestions(db: Db, viewer: Viewer | null, id: string, texts: BackgroundTexts & { section: string }, localities: string[]) {
	const page = await surveyForAdmin(db, viewer, id);
	if (page.locked) return { ok: false as const, page, state: lockedState({}) };
	if (page.questions.some((q) => q.background)) return { ok: false as const, page, state: withError({}, "_form", "survey.error.backgroundTwice") };
	await db.transaction(async (tx) => {
		const section = await repo.insertSection(tx, id, texts.section, texts.help);
		const base = { surveyId: id, sectionId: section.id, required: false, help: "", maxLength: 200 };
		await repo.insertQuestion(tx, { ...base, kind: "single", background: "locality", text: texts.locality }, [...localities, texts.otherLocality]);
		await repo.insertQuestion(tx, { ...base, kind: "single", background: "age_band", text: texts.ageBand }, texts.ageBands);
		await repo.insertQuestion(tx, { ...base, kind: "multiple", background: "relation", text: texts.relation }, texts.relations);
	});
	changed(db, id);
	return { ok: true as const };
}

/** The programme's surveys a resident may see: open ones and closed ones (drafts stay hidden). */
export async function publicSurveys(db: Db) {
	const programme = await getProgramme(db);
	return (await repo.listSurveys(db, programme.id)).filter((s) => s.status !== "draft");
}

/** A survey's definition for a resident: drafts only for the coordinator (who previews them). */
async function answerDefinition(db: Db, viewer: Viewer | null, id: string): Promise<SurveyDefinition> {
	const def = await publicDefinition(db, id);
	if (def.survey.status === "draft" && !(await may(db, viewer, "previewDraft"))) throw notFound();
	return def;
}

/** A survey for answering: its definition, what the viewer answered before, and whether it takes answers now. */
export async function surveyToAnswer(db: Db, viewer: Viewer | null, id: string) {
	const def = await answerDefinition(db, viewer, id);
	const previous = viewer && !def.survey.anonymous ? await repo.findResponseOfUser(db, id, viewer.id) : undefined;
	const state: AnswerState = { values: previous ? valuesFromAnswers(def.questions, previous.answers) : {}, errors: {} };
	return { ...def, open: acceptsAnswers(def.survey), previousOn: previous?.response.submittedOn ?? null, state };
}

/** Why an answer was not stored, shown above the form that keeps everything typed. */
export type AnswerProblem = "invalid" | "closed" | "signIn" | "already" | "tooMany";

type SubmitResult =
	| { ok: true; spam?: boolean }
	| ({ ok: false; problem: AnswerProblem; problemMessage?: string; state: AnswerState; status: number } & Awaited<ReturnType<typeof surveyToAnswer>>);

/** Null when one more anonymous answer is allowed from the person's connection, else the message saying from when. */
type AnonymousLimit = () => Promise<string | null>;

/**
 * Stores a resident's answer. Anonymous answers store no account, session, IP or time of day; signed-in people
 * answer once and may replace their answer until the survey closes (`replace=1` after being told they answered).
 */
export async function submitAnswer(db: Db, viewer: Viewer | null, id: string, body: unknown, anonymousLimit: AnonymousLimit): Promise<SubmitResult> {
	return submitOnce(db, viewer, id, body, anonymousLimit, true);
}

/** An answer form as read, with the answer fields the input guard refused (a control character) as errors too. */
function checkedAnswers<R extends { ok: true } | { ok: false; errors: Record<string, string> }>(read: R): R | { ok: false; errors: Record<string, string> } {
	const refused = Object.fromEntries(Object.entries(cleanedFields()).filter(([field]) => field.startsWith(fieldName(""))));
	if (Object.keys(refused).length === 0) return read;
	return { ok: false, errors: { ...(read.ok ? {} : read.errors), ...refused } };
}

async function submitOnce(db: Db, viewer: Viewer | null, id: string, body: unknown, anonymousLimit: AnonymousLimit, mayRetry: boolean): Promise<SubmitResult> {
	const def = await answerDefinition(db, viewer, id);
	const values = answerValues(body);
	// The answer page is read again only when it is shown again: an answer that is stored needs nothing of it.
	const fail = async (problem: AnswerProblem, status: number, errors: Record<string, string> = {}, problemMessage?: string): Promise<SubmitResult> => ({
		...(await surveyToAnswer(db, viewer, id)),
		ok: false,
		problem,
		problemMessage,
		status,
		state: { values, errors },
	});
	if (!acceptsAnswers(def.survey)) return fail("closed", 409);
	// A bot fills in every field it finds; people never see this one. It gets the thank-you page and nothing is stored.
	if ((values.website?.[0] ?? "") !== "") return { ok: true, spam: true };
	const { survey, questions } = def;
	if (survey.anonymous) {
		const overLimit = await anonymousLimit();
		if (overLimit) return fail("tooMany", 429, {}, overLimit);
	} else if (!viewer) return fail("signIn", 401);
	const read = checkedAnswers(readAnswers(questions, values));
	if (!read.ok) return fail("invalid", 422, read.errors);
	const userId = survey.anonymous ? null : viewer!.id;
	const stored = await storeAnswer(db, def, { userId, channel: "web", replace: values.replace?.[0] === "1" }, read.answers);
	if (stored === "changed") {
		// The coordinator changed the survey's questions in another process since this one read them: read them afresh, once.
		changed(db, id);
		if (mayRetry) return submitOnce(db, viewer, id, body, anonymousLimit, false);
		return fail("closed", 409);
	}
	// The database found it closed though this process had it open (closed elsewhere): show it as it is now.
	if (stored === "closed") changed(db, id);
	if (stored !== "stored") return fail(stored, 409);
	return { ok: true };
}

function background(questions: repo.QuestionWithOptions[], answers: repo.NewAnswer[], kind: "locality" | "age_band"): string | null {
	const q = questions.find((x) => x.background === kind);
	const a = q && answers.find((x) => x.questionId === q.id);
	return (a && (a.optionId ? q!.options.find((o) => o.id === a.optionId)?.label : a.text)) ?? null;
}

type Who = { userId: string | null; channel: "web" | "paper"; replace?: boolean };

/**
 * Saves one answer and hands its free texts to the pool of inputs. The answer, its parts and its inputs are one
 * statement that the database refuses when the survey no longer takes answers. A signed-in person's second answer is
 * refused unless they asked to replace the first, which is then replaced in one transaction.
 */
async function storeAnswer(db: Db, def: SurveyDefinition, who: Who, answers: repo.NewAnswer[]): Promise<"stored" | "closed" | "already" | "changed"> {
	const fields = {
		surveyId: def.survey.id,
		userId: who.userId,
		channel: who.channel,
		submittedOn: todayInSweden(),
		locality: background(def.questions, answers, "locality"),
		ageBand: background(def.questions, answers, "age_band"),
	};
	// Ids made here, not by the database, so the answer, its parts and its inputs need no reply in between.
	const parts = answers.map((a) => ({ ...a, id: randomUUID() }));
	const pool = freeTextInputs(def.questions, parts, fields);
	try {
		const { open, stored } = await repo.insertResponse(db, { ...fields, id: randomUUID() }, parts, pool, who.channel === "web" ? "open" : "notDraft");
		if (!open) return "closed";
		if (stored) return "stored";
		const userId = who.userId;
		if (!userId || !who.replace) return "already";
		return await db.transaction(async (tx) => {
			const existing = await repo.findResponseOfUser(tx, def.survey.id, userId);
			if (!existing) return "already" as const;
			await removeInputs(tx, "survey", await repo.replaceAnswers(tx, existing.response.id, fields, parts));
			await addInputs(tx, pool);
			return "stored" as const;
		});
	} catch (err) {
		if (isForeignKeyViolation(err)) return "changed";
		throw err;
	}
}

/** The free-text parts of an answer as inputs for the pool (texts and "other" texts). */
function freeTextInputs(
	questions: repo.QuestionWithOptions[],
	answers: repo.NewAnswerWithId[],
	response: { submittedOn: string; locality: string | null; ageBand: string | null },
) {
	return answers.flatMap((a) => {
		const q = questions.find((x) => x.id === a.questionId);
		if (!a.text || !q || q.background) return [];
		return [{ source: "survey" as const, sourceId: a.id, text: a.text, occurredOn: response.submittedOn, locality: response.locality, ageBand: response.ageBand }];
	});
}

/** The paper entry form of a survey, for officials. */
export async function paperForm(db: Db, viewer: Viewer | null, id: string) {
	await authorize(db, viewer, "enterPaper");
	const def = await publicDefinition(db, id);
	if (def.survey.status === "draft") throw notFound();
	return { ...def, paperAnswers: await repo.countResponses(db, id) };
}

/** Stores one paper form typed in by an official with number shortcuts; marked as paper, linked to no one. */
export async function submitPaper(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await paperForm(db, viewer, id);
	const values = answerValues(body);
	const converted = paperToWebValues(page.questions, values);
	const read = checkedAnswers(converted.ok ? readAnswers(page.questions, converted.values) : converted);
	if (!read.ok) return { ok: false as const, page, state: { values, errors: read.errors } };
	const stored = await storeAnswer(db, page, { userId: null, channel: "paper" }, read.answers);
	if (stored === "changed") {
		// As for web answers: the questions changed in another process. The official sends the form again.
		changed(db, id);
		return { ok: false as const, page: await paperForm(db, viewer, id), state: { values, errors: { _form: "survey.error.changed" } } };
	}
	return { ok: true as const };
}
