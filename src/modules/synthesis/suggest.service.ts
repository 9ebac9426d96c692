import { setImmediate as yieldToServer } from "node:timers/promises";
import { inBackground } from "../../lib/background.js";
import { type Db, isUniqueViolation } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import type { SheetTable } from "../../lib/spreadsheet.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { checkedValues } from "../focus-areas/index.js";
import { assistTag } from "./assist.model.js";
import { type SuggestSettings, suggestThemes } from "./suggest.engine.js";
import { confirmAboveInput, suggestInput, suggestionMergeInput } from "./suggest.input.js";
import * as repo from "./suggest.repo.js";
import { themeInput } from "./synthesis.input.js";
import { authorize } from "./synthesis.policy.js";
import * as themesRepo from "./synthesis.repo.js";

/** How many inputs per theme an analyst tags before assisted tagging learns from that theme. */
export const minExamples = 10;
/** How many guesses of an assist run the page lists (most confident first); the export has them all. */
const guessesShown = 200;

type Result<T = object> = ({ ok: true } & T) | { ok: false; state: FormState };

function refuse(body: unknown, field: string, key: string) {
	return { ok: false as const, state: withError(formState(body as Record<string, unknown>), field, key) };
}

/** The suggestions page: the newest run of each kind with its suggestions or guesses, and what a run can read. */
export async function suggestionsPage(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "analyse");
	const [run, assistRun, questions, themes] = await Promise.all([repo.latestRun(db, "themes"), repo.latestRun(db, "assist"), repo.listQuestions(db), themesRepo.listThemes(db)]);
	const assistDone = assistRun?.status === "done" ? assistRun : undefined;
	const [list, guesses, taggedSince] = await Promise.all([
		run?.status === "done" ? repo.listSuggestions(db, run.id) : [],
		assistDone ? repo.runMembers(db, assistDone.id, { untaggedOnly: true, limit: guessesShown }) : [],
		assistDone?.finishedAt ? repo.taggedSince(db, assistDone.finishedAt) : 0,
	]);
	return { run, suggestions: list, assistRun, guesses, taggedSince, questions, themes, readyThemes: themes.filter((t) => t.inputs >= minExamples) };
}

/** Reports a run's progress to the database now and then, yielding to the server between steps. */
function progressReporter(db: Db, runId: string) {
	let reported = 0;
	return async (share: number) => {
		await yieldToServer();
		if (share - reported >= 0.05) {
			reported = share;
			await repo.updateRun(db, runId, { progress: share });
		}
	};
}

/** Starts suggesting themes from the chosen inputs in the background; the page shows the progress. */
export async function startSuggestions(db: Db, viewer: Viewer | null, body: unknown): Promise<Result<{ id: string }>> {
	const by = await authorize(db, viewer, "analyse");
	const parsed = parseForm(suggestInput, body);
	if (!parsed.ok) return parsed;
	const { scope, source, question, k, seed } = parsed.data;
	const scopeValue = scope === "source" ? source! : scope === "question" ? question : null;
	const inputs = await repo.scopeInputs(db, scope, scopeValue);
	if (inputs.length < 2 || (k !== null && inputs.length < k)) return refuse(body, "scope", "synthesis.suggest.error.tooFew");
	const run = await db.transaction((tx) => repo.insertRun(tx, { kind: "themes", scope, scopeValue, requestedK: k, seed, status: "running", inputCount: inputs.length, startedBy: by.id }));
	inBackground(
		() => runSuggestions(db, run.id, inputs, { k, seed }),
		() => repo.updateRun(db, run.id, { status: "failed", finishedAt: new Date() }),
	);
	return { ok: true, id: run.id };
}

/** Suggests themes for the inputs and stores them with the run, unless the run was replaced meanwhile. */
export async function runSuggestions(db: Db, runId: string, inputs: { id: string; text: string }[], settings: SuggestSettings): Promise<void> {
	const found = await suggestThemes(
		inputs.map((i) => i.text),
		settings,
		progressReporter(db, runId),
	);
	await finishRun(
		db,
		runId,
		found.themes.map((t) => ({
			name: t.words.slice(0, 3).join(", ") || "–",
			words: t.words,
			quoteIds: t.quotes.map((i) => inputs[i]!.id),
			members: t.members.map((i, n) => ({ inputId: inputs[i]!.id, score: t.scores[n]! })),
		})),
	);
}

async function finishRun(db: Db, runId: string, list: Parameters<typeof repo.insertSuggestions>[2]): Promise<void> {
	await db.transaction(async (tx) => {
		const run = await repo.lockRun(tx, runId);
		if (run?.status !== "running") return;
		await repo.insertSuggestions(tx, runId, list);
		await repo.updateRun(tx, runId, { status: "done", progress: 1, finishedAt: new Date() });
	});
}

/** An open suggestion of a finished, current run, locked for a change; or why it can't be changed. */
async function openSuggestion(tx: Db, id: string, body: unknown) {
	const suggestion = await repo.lockSuggestion(tx, id);
	if (!suggestion) throw notFound();
	const run = await repo.lockRun(tx, suggestion.runId);
	if (run?.status !== "done") return refuse(body, "_form", "synthesis.suggest.error.replaced");
	if (suggestion.status !== "open") return refuse(body, "_form", "synthesis.suggest.error.notOpen");
	return { ok: true as const, suggestion };
}

function suggestionId(id: string): string {
	if (!isUuid(id)) throw notFound();
	return id;
}

/** Accepts a suggestion: it becomes a theme (with the name given) and its inputs are tagged with it, all or nothing. */
export async function acceptSuggestion(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<Result<{ themeId: string }>> {
	const by = await authorize(db, viewer, "analyse");
	suggestionId(id);
	const parsed = parseForm(themeInput, body);
	if (!parsed.ok) return parsed;
	try {
		return await db.transaction(async (tx) => {
			const open = await openSuggestion(tx, id, body);
			if (!open.ok) return open;
			const theme = await themesRepo.insertTheme(tx, { ...parsed.data, createdBy: by.id });
			await themesRepo.insertEvent(tx, { themeId: theme.id, action: "created", detail: theme.name, actorId: by.id });
			await repo.tagMembers(tx, id, theme.id, by.id);
			await repo.updateSuggestion(tx, id, { status: "accepted", themeId: theme.id, name: theme.name });
			return { ok: true as const, themeId: theme.id };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return refuse(body, "name", "error.nameTaken");
		throw err;
	}
}

/** Renames a suggestion before it is accepted. */
export async function renameSuggestion(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<Result> {
	await authorize(db, viewer, "analyse");
	suggestionId(id);
	const parsed = parseForm(themeInput, body);
	if (!parsed.ok) return parsed;
	return db.transaction(async (tx) => {
		const open = await openSuggestion(tx, id, body);
		if (!open.ok) return open;
		await repo.updateSuggestion(tx, id, { name: parsed.data.name });
		return { ok: true as const };
	});
}

/** Rejects a suggestion: it stays in the run's export but can no longer be accepted. */
export async function rejectSuggestion(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<Result> {
	await authorize(db, viewer, "analyse");
	suggestionId(id);
	return db.transaction(async (tx) => {
		const open = await openSuggestion(tx, id, body);
		if (!open.ok) return open;
		await repo.updateSuggestion(tx, id, { status: "rejected" });
		return { ok: true as const };
	});
}

/** Merges a suggestion into another open one of the same run: its inputs join the other's. */
export async function mergeSuggestion(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<Result> {
	await authorize(db, viewer, "analyse");
	suggestionId(id);
	const parsed = parseForm(suggestionMergeInput, body);
	if (!parsed.ok) return parsed;
	const { targetId } = parsed.data;
	if (targetId === id) return refuse(body, "targetId", "synthesis.suggest.error.mergeSelf");
	return db.transaction(async (tx) => {
		// Lock both in one order, so two merges of the same pair cannot deadlock.
		const [first, second] = [id, targetId].sort();
		await repo.lockSuggestion(tx, first!);
		await repo.lockSuggestion(tx, second!);
		const open = await openSuggestion(tx, id, body);
		if (!open.ok) return open;
		const target = await repo.findSuggestion(tx, targetId);
		if (!target || target.runId !== open.suggestion.runId || target.status !== "open") return refuse(body, "targetId", "synthesis.suggest.error.targetGone");
		const size = await repo.moveMembers(tx, id, targetId);
		await repo.updateSuggestion(tx, targetId, { size });
		await repo.updateSuggestion(tx, id, { status: "merged", size: 0 });
		return { ok: true as const };
	});
}

/**
 * Starts assisted tagging in the background: from the inputs tagged in themes with at least `minExamples` of them,
 * a theme and a confidence for every untagged input. Needs two such themes.
 */
export async function startAssist(db: Db, viewer: Viewer | null): Promise<Result<{ id: string }>> {
	const by = await authorize(db, viewer, "analyse");
	const prepared = await assistExamples(db);
	if (!prepared.ok) return prepared;
	const { inputs, ready } = prepared;
	const run = await db.transaction((tx) => repo.insertRun(tx, { kind: "assist", status: "running", inputCount: inputs.length, startedBy: by.id }));
	inBackground(
		() => runAssist(db, run.id, inputs, ready),
		() => repo.updateRun(db, run.id, { status: "failed", finishedAt: new Date() }),
	);
	return { ok: true, id: run.id };
}

/** What an assist run learns from and guesses for; or why there is too little. */
async function assistExamples(db: Db) {
	const ready = (await themesRepo.listThemes(db)).filter((t) => t.inputs >= minExamples);
	if (ready.length < 2) return refuse({}, "_form", "synthesis.assist.error.fewExamples");
	const inputs = await repo.assistInputs(db);
	if (!inputs.some((i) => i.themeIds.length === 0)) return refuse({}, "_form", "synthesis.assist.error.nothingUntagged");
	return { ok: true as const, inputs, ready };
}

/** Runs assisted tagging to its end at once, as started by a person (the demo seeds a finished run); false when there is too little to learn from. */
export async function assistAtOnce(db: Db, startedBy: string): Promise<boolean> {
	const prepared = await assistExamples(db);
	if (!prepared.ok) return false;
	const run = await repo.insertRun(db, { kind: "assist", status: "running", inputCount: prepared.inputs.length, startedBy });
	await runAssist(db, run.id, prepared.inputs, prepared.ready);
	return true;
}

/** Guesses a theme for each untagged input from the tagged ones and stores the guesses with the run. */
export async function runAssist(db: Db, runId: string, inputs: { id: string; text: string; themeIds: string[] }[], themes: { id: string; name: string }[]): Promise<void> {
	const label = new Map(themes.map((t, i) => [t.id, i]));
	// An input tagged with several themes teaches the first of them (themes in name order).
	const examples = Int32Array.from(inputs, (i) => {
		const first = Math.min(...i.themeIds.map((id) => label.get(id) ?? Infinity));
		return Number.isFinite(first) ? first : -1;
	});
	const report = progressReporter(db, runId);
	const guesses = await assistTag(
		inputs.map((i) => i.text),
		examples,
		themes.length,
		(done, total) => report((0.9 * done) / total),
	);
	const members = themes.map(() => [] as { inputId: string; score: number; fit: number }[]);
	inputs.forEach((input, i) => {
		const guess = guesses[i]!;
		if (input.themeIds.length === 0) members[guess.label]!.push({ inputId: input.id, score: guess.confidence, fit: guess.fit });
	});
	await finishRun(
		db,
		runId,
		themes.map((t, i) => ({ name: t.name, words: [], quoteIds: [], themeId: t.id, members: members[i]! })),
	);
}

/**
 * Tags the chosen inputs with the theme the current assist run guessed for each; each confirmation becomes a tagging
 * (by whom and when), so it teaches the next run.
 */
export async function confirmGuesses(db: Db, viewer: Viewer | null, body: unknown): Promise<Result<{ count: number }>> {
	const by = await authorize(db, viewer, "analyse");
	const inputIds = checkedValues(body, "inputIds").filter(isUuid);
	if (inputIds.length === 0) return refuse(body, "inputIds", "synthesis.error.chooseInputs");
	const run = await repo.latestRun(db, "assist");
	if (run?.status !== "done" || checkedValues(body, "runId")[0] !== run.id) return refuse(body, "_form", "synthesis.suggest.error.replaced");
	return tagGuesses(db, by.id, await repo.guessesFor(db, run.id, inputIds), body);
}

/**
 * Confirms in one step every guess of the current assist run with at least the chosen confidence, for inputs still
 * untagged; each becomes a tagging by whom and when, like a confirmation one by one.
 */
export async function confirmAbove(db: Db, viewer: Viewer | null, body: unknown): Promise<Result<{ count: number }>> {
	const by = await authorize(db, viewer, "analyse");
	const parsed = parseForm(confirmAboveInput, body);
	if (!parsed.ok) return parsed;
	const run = await repo.latestRun(db, "assist");
	if (run?.status !== "done" || checkedValues(body, "runId")[0] !== run.id) return refuse(body, "_form", "synthesis.suggest.error.replaced");
	const guesses = await repo.guessesAtLeast(db, run.id, parsed.data.threshold);
	if (guesses.length === 0) return refuse(body, "threshold", "synthesis.assist.above.error.none");
	return tagGuesses(db, by.id, guesses, body);
}

/** Tags each input with the theme guessed for it, all or nothing: a theme gone since the run refuses the whole step. */
async function tagGuesses(db: Db, by: string, guesses: { inputId: string; themeId: string | null }[], body: unknown): Promise<Result<{ count: number }>> {
	const byTheme = new Map<string | null, typeof guesses>();
	for (const g of guesses) byTheme.set(g.themeId, [...(byTheme.get(g.themeId) ?? []), g]);
	return db.transaction(async (tx) => {
		let count = 0;
		for (const [themeId, list] of byTheme) {
			const theme = themeId ? await themesRepo.lockLiveTheme(tx, themeId, "share") : undefined;
			if (!theme) return refuse(body, "_form", "synthesis.error.themeGone");
			count += await themesRepo.tagInputs(
				tx,
				theme.id,
				by,
				list.map((g) => g.inputId),
			);
		}
		return { ok: true as const, count };
	});
}

/**
 * One row per input of a run: its suggested theme and score, for checking in a spreadsheet or a program. In an assist
 * run the score is the confidence and fit the closeness to the theme's examples; a themes run has no fit (null).
 */
export async function exportRun(db: Db, viewer: Viewer | null, id: string) {
	await authorize(db, viewer, "analyse");
	const run = isUuid(id) ? await repo.findRun(db, id) : undefined;
	if (!run) throw notFound();
	const rows = await repo.runMembers(db, run.id);
	return {
		run: { id: run.id, kind: run.kind, scope: run.scope, scopeValue: run.scopeValue, requestedK: run.requestedK, seed: run.seed, status: run.status, inputCount: run.inputCount, startedAt: run.startedAt.toISOString() },
		rows: rows.map((r) => ({ inputId: r.inputId, text: r.text, source: r.source, suggestionId: r.suggestionId, suggestion: r.suggestion, themeId: r.themeId, score: round3(r.score), fit: r.fit === null ? null : round3(r.fit) })),
	};
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The export as one table for the .xlsx and CSV downloads, its header in the analyst's language; scores stay numbers, fit empty where the run has none. */
export function exportTable(data: Awaited<ReturnType<typeof exportRun>>, lang: "sv" | "en", name: string): SheetTable {
	const header =
		lang === "sv" ? ["inspel_id", "text", "källa", "förslag", "tema_id", "poäng", "likhet"] : ["input_id", "text", "source", "suggestion", "theme_id", "score", "fit"];
	return { name, header, rows: data.rows.map((r) => [r.inputId, r.text, r.source, r.suggestion, r.themeId ?? "", r.score, r.fit]) };
}
