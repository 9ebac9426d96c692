import { type Db, isUniqueViolation } from "../../db/client.js";
import { notFound } from "../../plugins/http-errors.js";
import { isUuid } from "../../lib/ids.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { findOrCreateUser, findUsers } from "../accounts/index.js";
import { checkedValues } from "../focus-areas/index.js";
import { inputLocalities } from "../inputs/index.js";
import { analysisQuery, analystInput, mergeInput, splitInput, tagInput, themeInput } from "./synthesis.input.js";
import { authorize, may } from "./synthesis.policy.js";
import * as repo from "./synthesis.repo.js";
import * as suggestRepo from "./suggest.repo.js";

/** How many inputs the analyst's list shows at once; bulk tagging of "all matching" reaches the rest. */
const pageSize = 200;

type Result<T = object> = ({ ok: true } & T) | { ok: false; state: FormState };

/** A failed form: everything sent, with one error. */
export function refuse(body: unknown, field: string, key: string) {
	return { ok: false as const, state: withError(formState(body as Record<string, unknown>), field, key) };
}

/** Names (or e-mail addresses) of people by id, to say who did what. */
export async function peopleNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
	const people = await findUsers(db, [...new Set(ids.filter((id): id is string => id !== null))]);
	return new Map(people.map((p) => [p.id, p.name || p.email]));
}

/** The analyst's workspace: the live themes with their sizes, and whether the viewer may manage analysts. */
export async function workspace(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "analyse");
	const [themes, manageAnalysts] = await Promise.all([repo.listThemes(db), may(db, viewer, "manageAnalysts")]);
	return { themes, manageAnalysts };
}

/** Adds a theme from the submitted form; a live theme with the same name is refused. */
export async function createTheme(db: Db, viewer: Viewer | null, body: unknown): Promise<Result<{ id: string }>> {
	const by = await authorize(db, viewer, "analyse");
	const parsed = parseForm(themeInput, body);
	if (!parsed.ok) return parsed;
	try {
		const theme = await db.transaction(async (tx) => {
			const created = await repo.insertTheme(tx, { ...parsed.data, createdBy: by.id });
			await repo.insertEvent(tx, { themeId: created.id, action: "created", detail: created.name, actorId: by.id });
			return created;
		});
		return { ok: true, id: theme.id };
	} catch (err) {
		if (isUniqueViolation(err)) return refuse(body, "name", "error.nameTaken");
		throw err;
	}
}

async function themeOr404(db: Db, id: string): Promise<repo.Theme> {
	const theme = isUuid(id) ? await repo.findTheme(db, id) : undefined;
	if (!theme) throw notFound();
	return theme;
}

/** One theme: its inputs with who tagged them and when, its history, and the themes it could be merged into. */
export async function themePage(db: Db, viewer: Viewer | null, id: string) {
	await authorize(db, viewer, "analyse");
	const theme = await themeOr404(db, id);
	const [inputs, events, themes, mergedInto] = await Promise.all([
		repo.taggedInputs(db, theme.id),
		repo.listEvents(db, theme.id),
		repo.listThemes(db),
		theme.mergedIntoId ? repo.findTheme(db, theme.mergedIntoId) : undefined,
	]);
	const names = await peopleNames(db, [...inputs.map((i) => i.taggedBy), ...events.map((e) => e.actorId)]);
	return { theme, mergedInto, inputs, events, names, others: themes.filter((t) => t.id !== theme.id) };
}

/** The page's data and the form state to show again when a theme action fails. */
export type ThemeActionResult = Result<{ id?: string }>;

/** A live theme, locked for the change, or a form error saying it has been merged away. */
async function liveForChange(tx: Db, id: string, body: unknown) {
	const theme = await repo.lockLiveTheme(tx, id, "update");
	if (!theme) throw notFound();
	if (theme.id !== id) return refuse(body, "_form", "synthesis.error.themeGone");
	return { ok: true as const, theme };
}

/** Renames a theme and changes its description; the history keeps the old name. */
export async function renameTheme(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<ThemeActionResult> {
	const by = await authorize(db, viewer, "analyse");
	await themeOr404(db, id);
	const parsed = parseForm(themeInput, body);
	if (!parsed.ok) return parsed;
	try {
		return await db.transaction(async (tx) => {
			const live = await liveForChange(tx, id, body);
			if (!live.ok) return live;
			await repo.updateTheme(tx, id, parsed.data);
			if (live.theme.name !== parsed.data.name) await repo.insertEvent(tx, { themeId: id, action: "renamed", detail: live.theme.name, actorId: by.id });
			return { ok: true as const };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return refuse(body, "name", "error.nameTaken");
		throw err;
	}
}

/** Merges a theme into another: its inputs move with who tagged them and when; the merged theme stays as a pointer. */
export async function mergeTheme(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<ThemeActionResult> {
	const by = await authorize(db, viewer, "analyse");
	// A theme merged away has no merge form any more, so the refusal is the whole form's whatever was sent.
	if ((await themeOr404(db, id)).mergedIntoId) return refuse(body, "_form", "synthesis.error.themeGone");
	const parsed = parseForm(mergeInput, body);
	if (!parsed.ok) return parsed;
	const { targetId } = parsed.data;
	const fail = (key: string) => refuse(body, "targetId", key);
	if (targetId === id) return fail("synthesis.error.mergeSelf");
	return db.transaction(async (tx) => {
		// Lock both in one order, so two merges of the same pair cannot deadlock.
		const [first, second] = [id, targetId].sort();
		const locked = new Map([[first!, await repo.lockLiveTheme(tx, first!, "update")], [second!, await repo.lockLiveTheme(tx, second!, "update")]]);
		const source = locked.get(id);
		const target = locked.get(targetId);
		// This theme was merged away meanwhile: its page has no merge form any more, so the refusal is the whole form's.
		if (!source || source.id !== id) return refuse(body, "_form", "synthesis.error.themeGone");
		if (!target) return fail("synthesis.error.themeGone");
		if (target.id === id) return fail("synthesis.error.mergeSelf");
		await repo.moveTaggings(tx, id, target.id);
		await repo.markMerged(tx, id, target.id);
		await repo.insertEvent(tx, { themeId: target.id, action: "merged", detail: source.name, actorId: by.id });
		await repo.insertEvent(tx, { themeId: id, action: "merged", detail: target.name, actorId: by.id });
		return { ok: true as const, id: target.id };
	});
}

/** Splits the chosen inputs of a theme off into a new theme, keeping who tagged them and when. */
export async function splitTheme(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<ThemeActionResult> {
	const by = await authorize(db, viewer, "analyse");
	await themeOr404(db, id);
	const inputIds = checkedValues(body, "inputIds").filter(isUuid);
	const parsed = parseForm(splitInput, body);
	if (!parsed.ok) return parsed;
	if (inputIds.length === 0) return refuse(body, "inputIds", "synthesis.error.chooseInputs");
	const values = { name: parsed.data.newName, description: parsed.data.newDescription };
	try {
		return await db.transaction(async (tx) => {
			const live = await liveForChange(tx, id, body);
			if (!live.ok) return live;
			const created = await repo.insertTheme(tx, { ...values, createdBy: by.id });
			await repo.moveTaggings(tx, id, created.id, inputIds);
			await repo.insertEvent(tx, { themeId: created.id, action: "split", detail: live.theme.name, actorId: by.id });
			await repo.insertEvent(tx, { themeId: id, action: "split", detail: created.name, actorId: by.id });
			return { ok: true as const, id: created.id };
		});
	} catch (err) {
		if (isUniqueViolation(err)) return refuse(body, "newName", "error.nameTaken");
		throw err;
	}
}

/** Takes a theme off the chosen inputs. */
export async function untagFromTheme(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<void> {
	await authorize(db, viewer, "analyse");
	const theme = await themeOr404(db, id);
	await db.transaction((tx) => repo.untagInputs(tx, theme.id, checkedValues(body, "inputIds").filter(isUuid)));
}

/** The analyst's list: search and filters, the first page of matching inputs with their themes, and the themes to tag with. */
export async function tagPage(db: Db, viewer: Viewer | null, rawQuery: unknown) {
	await authorize(db, viewer, "analyse");
	const query = analysisQuery.parse(rawQuery ?? {});
	const [rows, total, localities, themes] = await Promise.all([
		repo.analysisInputs(db, query, pageSize),
		repo.countAnalysisInputs(db, query),
		inputLocalities(db),
		repo.listThemes(db),
	]);
	return { query, rows, total, localities, themes };
}

/** What a bulk action on the analyst's list does. */
export type BulkAction = "tag" | "tagAll" | "offTopic" | "onTopic";

/**
 * Tags the chosen inputs (or every input matching the search) with a theme, or marks them off-topic or back. Tagging
 * into a theme merged meanwhile goes to the theme it was merged into; two analysts tagging at once both keep theirs.
 */
export async function bulkAction(db: Db, viewer: Viewer | null, action: BulkAction, body: unknown): Promise<Result<{ count: number }>> {
	const by = await authorize(db, viewer, "analyse");
	const inputIds = checkedValues(body, "inputIds").filter(isUuid);
	if (action !== "tagAll" && inputIds.length === 0) return refuse(body, "inputIds", "synthesis.error.chooseInputs");
	if (action === "offTopic" || action === "onTopic") {
		await db.transaction((tx) => repo.setOffTopic(tx, inputIds, action === "offTopic", by.id));
		return { ok: true, count: inputIds.length };
	}
	const parsed = parseForm(tagInput, body);
	if (!parsed.ok) return parsed;
	return db.transaction(async (tx) => {
		const theme = await repo.lockLiveTheme(tx, parsed.data.themeId, "share");
		if (!theme) return refuse(body, "themeId", "synthesis.error.themeGone");
		const count =
			action === "tag" ? await repo.tagInputs(tx, theme.id, by.id, inputIds) : await repo.tagMatching(tx, theme.id, by.id, analysisQuery.parse(body ?? {}));
		return { ok: true as const, count };
	});
}

/** The analysts, with who made them analysts and when. */
export async function analystsPage(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "manageAnalysts");
	const rows = await repo.listAnalysts(db);
	const people = await findUsers(db, [...new Set(rows.flatMap((r) => [r.userId, r.grantedBy ?? r.userId]))]);
	const byId = new Map(people.map((p) => [p.id, p]));
	return rows.map((r) => ({ ...r, person: byId.get(r.userId)!, grantedByName: r.grantedBy ? (byId.get(r.grantedBy)?.name || byId.get(r.grantedBy)?.email) : undefined }));
}

/** Makes the person with an e-mail address an analyst (creating their account, so they can sign in with it). */
export async function grantAnalyst(db: Db, viewer: Viewer | null, body: unknown): Promise<Result> {
	const by = await authorize(db, viewer, "manageAnalysts");
	const parsed = parseForm(analystInput, body);
	if (!parsed.ok) return parsed;
	const person = await findOrCreateUser(db, parsed.data.email);
	await repo.insertAnalyst(db, person.id, by.id);
	return { ok: true };
}

/** Takes the analyst role from a person; what they tagged stays. */
export async function revokeAnalyst(db: Db, viewer: Viewer | null, userId: string): Promise<void> {
	await authorize(db, viewer, "manageAnalysts");
	if (isUuid(userId)) await repo.deleteAnalyst(db, userId);
}

/** How many of the inputs least like any theme the coverage page lists. */
const orphansShown = 20;

/**
 * Coverage: the share of inputs tagged, which sources, localities and age bands each theme draws from, and what fits
 * no theme yet: the untagged inputs least like any theme's examples, from the latest assisted tagging.
 */
export async function coveragePage(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "analyse");
	const [totals, themes, spread, assist] = await Promise.all([repo.coverageTotals(db), repo.listThemes(db), repo.themeSpread(db), suggestRepo.latestRun(db, "assist")]);
	const of = (rows: { themeId: string; value: string | null; count: number }[], themeId: string) => rows.filter((r) => r.themeId === themeId);
	return {
		totals,
		themes: themes.map((t) => ({ ...t, sources: of(spread.sources, t.id), localities: of(spread.localities, t.id), ageBands: of(spread.ageBands, t.id) })),
		orphans: assist?.status === "done" && assist.finishedAt ? { at: assist.finishedAt, rows: await suggestRepo.leastFitting(db, assist.id, orphansShown) } : null,
	};
}
