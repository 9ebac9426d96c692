// What the coordinator reads out of a survey: counts, shares, free texts, exports; and the retention of personal data.
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import type { Viewer } from "../../ui/context.js";
import * as repo from "./surveys.repo.js";
import { surveyForAdmin } from "./surveys.service.js";

/** One bar of a question's result: a label, how many chose it and their share of those who answered the question. */
export type ResultRow = { label: string; count: number; share: number };
/** A question's result: how many answered it, and its rows (none for free text). */
export type QuestionResult = { question: repo.QuestionWithOptions; answered: number; rows: ResultRow[]; averageRank?: Map<string, number> };

/** Per question: counts and shares; ranking questions count first places and average ranks. */
export async function surveyResults(db: Db, viewer: Viewer | null, id: string, otherLabel: string) {
	const page = await surveyForAdmin(db, viewer, id);
	// Single choice, rating and text hold one part per answer, so their sums are the number who answered; only
	// multiple choice and ranking need the costlier distinct count.
	const manyParts = page.questions.filter((q) => q.kind === "multiple" || q.kind === "ranking").map((q) => q.id);
	const [counts, answered] = await Promise.all([repo.answerCounts(db, page.questions.map((q) => q.id)), repo.answeredCounts(db, manyParts)]);
	const results: QuestionResult[] = page.questions.map((question) => {
		const mine = counts.filter((c) => c.questionId === question.id);
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
	return { ...page, results };
}

/** The free-text answers of one question, searched and filtered by answers to the background questions. */
export async function surveyFreeTexts(db: Db, viewer: Viewer | null, id: string, query: Record<string, string | undefined>) {
	const page = await surveyForAdmin(db, viewer, id);
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

function answerCell(question: repo.QuestionWithOptions, parts: repo.NewAnswer[], otherLabel: string): string {
	const label = (optionId: string | null) => question.options.find((o) => o.id === optionId)?.label ?? "";
	if (question.kind === "rating") return parts.map((p) => String(p.number)).join("");
	if (question.kind === "ranking") return [...parts].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).map((p) => label(p.optionId)).join(" > ");
	return parts.map((p) => (p.optionId ? label(p.optionId) : question.kind === "single" || question.kind === "multiple" ? `${otherLabel}: ${p.text}` : (p.text ?? ""))).join("; ");
}

/** One CSV field, quoted when it must be; a leading =, +, - or @ is defused so spreadsheets show it as text. */
export function csvField(value: string, sep: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** All answers as a table: one row per answer, one column per question. */
async function exportTable(db: Db, viewer: Viewer | null, id: string, labels: { id: string; channel: string; day: string; other: string }) {
	const page = await surveyForAdmin(db, viewer, id);
	const responses = await repo.allResponses(db, id);
	const header = [labels.id, labels.channel, labels.day, ...page.questions.map((q) => q.text)];
	const rows = responses.map((r) => [
		r.id,
		r.channel,
		r.submittedOn,
		...page.questions.map((q) => answerCell(q, r.answers.filter((a) => a.questionId === q.id), labels.other)),
	]);
	return { page, header, rows, responses };
}

/** The answers as CSV: UTF-8 with a BOM (so Excel reads å, ä, ö), comma- or semicolon-separated. */
export async function exportCsv(db: Db, viewer: Viewer | null, id: string, semicolon: boolean, labels: { id: string; channel: string; day: string; other: string }) {
	const sep = semicolon ? ";" : ",";
	const { page, header, rows } = await exportTable(db, viewer, id, labels);
	const body = [header, ...rows].map((row) => row.map((v) => csvField(v, sep)).join(sep)).join("\r\n");
	return { survey: page.survey, csv: `\uFEFF${body}\r\n` };
}

/** The survey and its answers as JSON, with option ids and labels, for other tools. */
export async function exportJson(db: Db, viewer: Viewer | null, id: string) {
	const page = await surveyForAdmin(db, viewer, id);
	const responses = await repo.allResponses(db, id);
	return {
		survey: { id: page.survey.id, title: page.survey.title, anonymous: page.survey.anonymous, status: page.survey.status },
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
		signedInUserIds: string[];
		byLocality: Record<string, number>;
		byAgeBand: Record<string, number>;
		byDay: Record<string, number>;
	};
	const out = new Map<string, Participation>();
	for (const r of await repo.participationRows(db)) {
		const n = Number(r.n);
		let p = out.get(r.surveyId);
		if (!p) {
			p = { surveyId: r.surveyId, title: r.title, answers: 0, anonymousAnswers: 0, paperAnswers: 0, signedInUserIds: [], byLocality: {}, byAgeBand: {}, byDay: {} };
			out.set(r.surveyId, p);
		}
		p.answers += n;
		if (r.channel === "paper") p.paperAnswers += n;
		else if (!r.userId) p.anonymousAnswers += n;
		if (r.userId && !p.signedInUserIds.includes(r.userId)) p.signedInUserIds.push(r.userId);
		if (r.locality) p.byLocality[r.locality] = (p.byLocality[r.locality] ?? 0) + n;
		if (r.ageBand) p.byAgeBand[r.ageBand] = (p.byAgeBand[r.ageBand] ?? 0) + n;
		p.byDay[r.submittedOn] = (p.byDay[r.submittedOn] ?? 0) + n;
	}
	return [...out.values()];
}

