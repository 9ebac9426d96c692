// What the coordinator reads out of a survey: counts, shares, free texts, exports; and the retention of personal data.
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import type { Viewer } from "../../ui/context.js";
import { surveyCache, surveyCacheMs } from "./surveys.cache.js";
import * as repo from "./surveys.repo.js";
import { adminDefinition, surveyForAdmin } from "./surveys.service.js";
import type { Cell, SheetTable } from "../../lib/spreadsheet.js";

/** One bar of a question's result: a label, how many chose it and their share of those who answered the question. */
export type ResultRow = { label: string; count: number; share: number };
/** A question's result: how many answered it, and its rows (none for free text). */
export type QuestionResult = { question: repo.QuestionWithOptions; answered: number; rows: ResultRow[]; averageRank?: Map<string, number> };

// Counting 100 000 answers takes a good part of a second on a busy server; a coordinator reloading the page, or
// several looking at once, get the counts of the last few seconds (the page says how old they may be).
const counts = surveyCache<repo.ResultCounts>();

/** Per question: counts and shares; ranking questions count first places and average ranks. */
export async function surveyResults(db: Db, viewer: Viewer | null, id: string, otherLabel: string) {
	const page = await adminDefinition(db, viewer, id);
	const manyParts = page.questions.filter((q) => q.kind === "multiple" || q.kind === "ranking").map((q) => q.id);
	const load = () => repo.resultCounts(db, id, page.questions.map((q) => q.id), manyParts);
	const { parts, answered, responses, paper } = await counts.get(db, id, load);
	const results: QuestionResult[] = page.questions.map((question) => {
		const mine = parts.filter((c) => c.questionId === question.id);
		// Single choice, rating and text hold one part per answer, so their sums are the number who answered.
		const n = answered.get(question.id) ?? mine.reduce((sum, c) => sum + c.n, 0);
		const row = (label: string, count: number) => ({ label, count, share: n ? count / n : 0 });
		if (question.kind === "rating") {
			return { question, answered: n, rows: [1, 2, 3, 4, 5].map((v) => row(String(v), mine.find((c) => c.number === v)?.n ?? 0)) };
		}
		if (question.kind === "ranking") {
			const averageRank = new Map<string, number>();
			for (const o of question.options) {
				const ofOption = mine.filter((c) => c.optionId === o.id);
				const total = ofOption.reduce((sum, c) => sum + c.n, 0);
				if (total) averageRank.set(o.id, ofOption.reduce((sum, c) => sum + c.n * (c.number ?? 0), 0) / total);
			}
			const rows = question.options.map((o) => row(o.label, mine.find((c) => c.optionId === o.id && c.number === 1)?.n ?? 0));
			return { question, answered: n, rows, averageRank };
		}
		if (question.kind === "single" || question.kind === "multiple") {
			const rows = question.options.map((o) => row(o.label, mine.filter((c) => c.optionId === o.id).reduce((sum, c) => sum + c.n, 0)));
			if (question.allowOther) rows.push(row(otherLabel, mine.filter((c) => c.optionId === null && c.isText).reduce((sum, c) => sum + c.n, 0)));
			return { question, answered: n, rows };
		}
		return { question, answered: n, rows: [] };
	});
	return { ...page, answers: responses, paper, results, freshSeconds: Math.ceil(surveyCacheMs(db) / 1000) };
}

/** The free-text answers of one question, searched and filtered by answers to the background questions. */
export async function surveyFreeTexts(db: Db, viewer: Viewer | null, id: string, query: Record<string, string | undefined>) {
	const page = await adminDefinition(db, viewer, id);
	const textual = page.questions.filter((q) => q.kind === "short_text" || q.kind === "long_text" || q.allowOther);
	const question = textual.find((q) => q.id === query.fraga) ?? textual[0];
	const filters = page.questions.filter((q) => q.background && (q.kind === "single" || q.kind === "multiple"));
	const chosen = filters.flatMap((q) => {
		const value = query[`bg_${q.id}`];
		return value && q.options.some((o) => o.id === value) ? [{ questionId: q.id, optionId: value }] : [];
	});
	const search = (query.q ?? "").trim().slice(0, 200);
	const found = question ? await repo.freeTexts(db, question.id, search, chosen.map((c) => c.optionId), 500) : { rows: [], total: 0 };
	return { ...page, textual, question, filters, chosen, search, ...found };
}

function answerCell(question: repo.QuestionWithOptions, parts: repo.NewAnswer[], otherLabel: string): Cell {
	const label = (optionId: string | null) => question.options.find((o) => o.id === optionId)?.label ?? "";
	if (question.kind === "rating") return parts[0]?.number ?? null;
	if (question.kind === "ranking") return [...parts].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).map((p) => label(p.optionId)).join(" > ");
	return parts.map((p) => (p.optionId ? label(p.optionId) : question.kind === "single" || question.kind === "multiple" ? `${otherLabel}: ${p.text}` : (p.text ?? ""))).join("; ");
}

/** All answers as a table to download (CSV or .xlsx): one row per answer, one column per question. */
export async function exportAnswers(db: Db, viewer: Viewer | null, id: string, labels: { id: string; channel: string; day: string; other: string }) {
	const page = await adminDefinition(db, viewer, id);
	const responses = await repo.allResponses(db, id);
	const header = [labels.id, labels.channel, labels.day, ...page.questions.map((q) => q.text)];
	const rows = responses.map((r) => [
		r.id,
		r.channel,
		r.submittedOn,
		...page.questions.map((q) => answerCell(q, r.answers.filter((a) => a.questionId === q.id), labels.other)),
	]);
	const table: SheetTable = { name: page.survey.title, header, rows };
	return { survey: page.survey, table };
}

/** The survey, its history (oldest first) and its answers as JSON, with option ids and labels, for other tools. */
export async function exportJson(db: Db, viewer: Viewer | null, id: string) {
	const page = await surveyForAdmin(db, viewer, id);
	const responses = await repo.allResponses(db, id);
	return {
		survey: { id: page.survey.id, title: page.survey.title, anonymous: page.survey.anonymous, status: page.survey.status },
		history: page.history.toReversed().map((e) => ({ kind: e.kind, at: e.at.toISOString(), closesAt: e.closesAt?.toISOString() ?? null, by: e.by })),
		questions: page.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			background: q.background,
			text: q.text,
			options: q.options.map((o) => ({ id: o.id, label: o.label })),
		})),
		answers: responses.map((r) => ({
			id: r.id,
			channel: r.channel,
			submittedOn: r.submittedOn,
			parts: r.answers.map((a) => ({ questionId: a.questionId, optionId: a.optionId, number: a.number, text: a.text })),
		})),
	};
}

/** Deletes the account links of answers to surveys past their retention date; the answers themselves stay. */
export async function applyRetention(db: Db, today = todayInSweden()): Promise<string[]> {
	return repo.deleteAccountLinks(db, today);
}

/** Per survey: answers, anonymous and paper answers, the signed-in people, and counts by locality, age band and day. */
export async function surveyParticipation(db: Db) {
	type Participation = {
		surveyId: string;
		title: string;
		answers: number;
		anonymousAnswers: number;
		paperAnswers: number;
		signedIn: Set<string>;
		byLocality: Record<string, number>;
		byAgeBand: Record<string, number>;
		byDay: Record<string, number>;
	};
	const out = new Map<string, Participation>();
	for (const r of await repo.participationRows(db)) {
		const n = Number(r.n);
		let p = out.get(r.surveyId);
		if (!p) {
			p = { surveyId: r.surveyId, title: r.title, answers: 0, anonymousAnswers: 0, paperAnswers: 0, signedIn: new Set(), byLocality: {}, byAgeBand: {}, byDay: {} };
			out.set(r.surveyId, p);
		}
		p.answers += n;
		if (r.channel === "paper") p.paperAnswers += n;
		else if (!r.userId) p.anonymousAnswers += n;
		if (r.userId) p.signedIn.add(r.userId);
		if (r.locality) p.byLocality[r.locality] = (p.byLocality[r.locality] ?? 0) + n;
		if (r.ageBand) p.byAgeBand[r.ageBand] = (p.byAgeBand[r.ageBand] ?? 0) + n;
		p.byDay[r.submittedOn] = (p.byDay[r.submittedOn] ?? 0) + n;
	}
	return [...out.values()].map(({ signedIn, ...p }) => ({ ...p, signedInUserIds: [...signedIn] }));
}

/** A person's own signed-in survey answers, per survey and question, for their data download. */
export async function surveyAnswersOf(db: Db, userId: string) {
	const responses = new Map<string, { survey: string; submittedOn: string; answers: { question: string; answer: string }[] }>();
	for (const r of await repo.listAnswersOfUser(db, userId)) {
		if (!responses.has(r.responseId)) responses.set(r.responseId, { survey: r.survey, submittedOn: r.submittedOn, answers: [] });
		const parts = [r.option, r.number === null ? null : String(r.number), r.text].filter((v): v is string => v !== null && v !== "");
		if (r.question) responses.get(r.responseId)!.answers.push({ question: r.question, answer: parts.join(": ") });
	}
	return [...responses.values()];
}
