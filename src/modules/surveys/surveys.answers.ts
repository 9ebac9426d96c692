// Reading a submitted answer form against the survey's questions. Pure functions: no database.
import { msg } from "../../ui/messages.js";
import type { NewAnswer, QuestionWithOptions } from "./surveys.repo.js";

/** Everything typed into an answer form (a field may hold several values) and a message key per question. */
export type AnswerState = { values: Record<string, string[]>; errors: Record<string, string> };

/** The value an "other: ____" choice posts. */
export const otherValue = "other";

/** The form field of a question (ranking adds the option id, "other" adds `_other`). */
export const fieldName = (questionId: string, suffix?: string) => `q_${questionId}${suffix ? `_${suffix}` : ""}`;

/** The submitted fields as lists of trimmed strings. */
export function answerValues(body: unknown): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	if (body && typeof body === "object") {
		for (const [k, v] of Object.entries(body)) {
			if (k === "_csrf") continue;
			out[k] = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null).map((x) => String(x));
		}
	}
	return out;
}

/** The stored parts of an answer as form values, to edit it. */
export function valuesFromAnswers(questions: QuestionWithOptions[], answers: NewAnswer[]): Record<string, string[]> {
	const values: Record<string, string[]> = {};
	const add = (k: string, v: string) => {
		values[k] = [...(values[k] ?? []), v];
	};
	for (const a of answers) {
		const q = questions.find((x) => x.id === a.questionId);
		if (!q) continue;
		if (q.kind === "ranking" && a.optionId) add(fieldName(q.id, a.optionId), String(a.number));
		else if (q.kind === "rating") add(fieldName(q.id), String(a.number));
		else if (a.optionId) add(fieldName(q.id), a.optionId);
		else if (q.kind === "single" || q.kind === "multiple") {
			add(fieldName(q.id), otherValue);
			add(fieldName(q.id, "other"), a.text ?? "");
		} else add(fieldName(q.id), a.text ?? "");
	}
	return values;
}

/** Whether a question shows, given the options chosen so far (a question under a hidden one is hidden too). */
function visible(q: QuestionWithOptions, chosen: Map<string, Set<string>>, shown: Set<string>): boolean {
	if (!q.showIfQuestionId || !q.showIfOptionId) return true;
	return shown.has(q.showIfQuestionId) && (chosen.get(q.showIfQuestionId)?.has(q.showIfOptionId) ?? false);
}

/**
 * Checks an answer form: required answers, text limits, choice limits and that every option belongs to its question.
 * Questions whose condition is not met are skipped and nothing of them is stored.
 */
export function readAnswers(
	questions: QuestionWithOptions[],
	values: Record<string, string[]>,
): { ok: true; answers: NewAnswer[] } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const answers: NewAnswer[] = [];
	const chosen = new Map<string, Set<string>>();
	const shown = new Set<string>();
	const first = (k: string) => (values[k]?.[0] ?? "").trim();
	for (const q of questions) {
		if (!visible(q, chosen, shown)) continue;
		shown.add(q.id);
		const name = fieldName(q.id);
		const fail = (key: string) => {
			errors[name] = key;
		};
		const optionIds = new Set(q.options.map((o) => o.id));
		if (q.kind === "short_text" || q.kind === "long_text") {
			const text = first(name);
			if (text.length > q.maxLength) fail(msg("error.tooLong", { max: q.maxLength }));
			else if (text) answers.push({ questionId: q.id, optionId: null, number: null, text });
			else if (q.required) fail("survey.error.required");
			continue;
		}
		if (q.kind === "rating") {
			const raw = first(name);
			if (!raw) {
				if (q.required) fail("survey.error.required");
			} else if (!/^[1-5]$/.test(raw)) fail("survey.error.forgedOption");
			else {
				answers.push({ questionId: q.id, optionId: null, number: Number(raw), text: null });
				chosen.set(q.id, new Set([raw]));
			}
			continue;
		}
		if (q.kind === "ranking") {
			const prefix = `${name}_`;
			const forged = Object.keys(values).some((k) => k.startsWith(prefix) && !optionIds.has(k.slice(prefix.length)));
			const ranks = q.options.map((o) => ({ optionId: o.id, raw: first(fieldName(q.id, o.id)) })).filter((r) => r.raw !== "");
			const numbers = ranks.map((r) => Number(r.raw));
			if (forged) fail("survey.error.forgedOption");
			else if (ranks.length === 0) {
				if (q.required) fail("survey.error.required");
			} else if (ranks.some((r) => !/^\d+$/.test(r.raw)) || numbers.some((n) => n < 1 || n > q.options.length)) fail("survey.error.forgedOption");
			else if (new Set(numbers).size !== numbers.length) fail("survey.error.rankTwice");
			else if (q.required && ranks.length !== q.options.length) fail("survey.error.rankAll");
			else for (const r of ranks) answers.push({ questionId: q.id, optionId: r.optionId, number: Number(r.raw), text: null });
			continue;
		}
		// Single and multiple choice.
		const picked = [...new Set((values[name] ?? []).map((v) => v.trim()).filter(Boolean))];
		const otherText = first(fieldName(q.id, "other"));
		const pickedOther = picked.includes(otherValue);
		const options = picked.filter((v) => v !== otherValue);
		if (options.some((v) => !optionIds.has(v)) || (pickedOther && !q.allowOther)) fail("survey.error.forgedOption");
		else if (q.kind === "single" && picked.length > 1) fail("survey.error.oneOnly");
		else if (q.kind === "multiple" && q.maxChoices && picked.length > q.maxChoices) fail(msg("survey.error.tooMany", { max: q.maxChoices }));
		else if (picked.length === 0) {
			if (q.required) fail("survey.error.required");
		} else if (pickedOther && !otherText) errors[fieldName(q.id, "other")] = "survey.error.otherEmpty";
		else if (otherText.length > 200) errors[fieldName(q.id, "other")] = msg("error.tooLong", { max: 200 });
		else {
			for (const optionId of options) answers.push({ questionId: q.id, optionId, number: null, text: null });
			if (pickedOther) answers.push({ questionId: q.id, optionId: null, number: null, text: otherText });
			chosen.set(q.id, new Set(options));
		}
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/**
 * Turns the paper form's number shortcuts into the web form's values: "2" picks the second option,
 * "1 3" picks two, and for ranking "3 1 2" lists the options from first to last.
 */
export function paperToWebValues(
	questions: QuestionWithOptions[],
	values: Record<string, string[]>,
): { ok: true; values: Record<string, string[]> } | { ok: false; errors: Record<string, string> } {
	const out: Record<string, string[]> = {};
	const errors: Record<string, string> = {};
	for (const q of questions) {
		const name = fieldName(q.id);
		const raw = (values[name]?.[0] ?? "").trim();
		const other = (values[fieldName(q.id, "other")]?.[0] ?? "").trim();
		if (q.kind === "short_text" || q.kind === "long_text" || q.kind === "rating") {
			out[name] = [raw];
			continue;
		}
		const numbers = raw ? raw.split(/[\s,;]+/).filter(Boolean) : [];
		const bad = numbers.some((n) => !/^\d+$/.test(n) || Number(n) < 1 || Number(n) > q.options.length);
		if (bad) {
			errors[name] = msg("survey.error.paperNumber", { max: q.options.length });
			continue;
		}
		if (new Set(numbers).size !== numbers.length) {
			errors[name] = "survey.error.rankTwice";
			continue;
		}
		const ids = numbers.map((n) => q.options[Number(n) - 1]!.id);
		if (q.kind === "ranking") {
			for (const [i, id] of ids.entries()) out[fieldName(q.id, id)] = [String(i + 1)];
		} else {
			out[name] = other ? [...ids, otherValue] : ids;
			out[fieldName(q.id, "other")] = [other];
		}
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: out };
}
