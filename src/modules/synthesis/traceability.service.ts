import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { msg } from "../../ui/messages.js";
import { checkedValues, focusAreaChoices, focusAreaPage } from "../focus-areas/index.js";
import { authorize } from "./synthesis.policy.js";
import * as synthesisRepo from "./synthesis.repo.js";
import { peopleNames, refuse } from "./synthesis.service.js";
import * as repo from "./traceability.repo.js";
import { focusAreaThemes } from "./traceability.schema.js";

/** What a public page shows of what a focus area or vision proposal rests on. */
export type Trace = {
	inputs: number;
	participants: number;
	themes: { id: string; name: string; description: string; inputs: number }[];
	quotes: repo.Quote[];
};

/** How many quotes a proposal's or focus area's page shows at most. */
const quotesShown = 6;

/** The trace of some themes as linked (a theme merged since counts through the theme it was merged into). */
export async function traceOfThemes(db: Db, linkedThemeIds: string[], quotes = quotesShown): Promise<Trace> {
	const ids = [...new Set((await repo.liveThemeIds(db, linkedThemeIds)).values())];
	const [totals, sizes, sample] = await Promise.all([repo.inputsAndParticipants(db, ids), repo.themeSizes(db, ids), repo.sampleQuotes(db, ids, quotes)]);
	const seen = new Set<string>();
	return {
		...totals,
		themes: sizes.sort((a, b) => b.inputs - a.inputs || a.name.localeCompare(b.name, "sv")),
		quotes: sample.filter((q) => !seen.has(q.id) && seen.add(q.id)).slice(0, quotes),
	};
}

/** Where a quote can be read in full (the idea, also for a comment, or the workshop); null for a survey answer. */
export function quoteHref(q: repo.Quote): string | null {
	if (!q.placeId) return null;
	return q.source === "workshop" ? `/framtidsverkstader/${q.placeId}` : `/ideer/${q.placeId}`;
}

/** What a public focus area rests on, for the API; a 404 for an area that is not public. */
export async function publicFocusAreaTrace(db: Db, id: string): Promise<Trace> {
	const area = await focusAreaPage(db, id);
	return cachedRead(db, `synthesis.focusAreaTrace:${area.id}`, () => focusAreaTrace(db, area.id));
}

/** What a focus area rests on, for its public page. */
export async function focusAreaTrace(db: Db, focusAreaId: string): Promise<Trace> {
	const links = await repo.linksOf(db, focusAreaThemes, focusAreaThemes.focusAreaId, focusAreaId);
	return traceOfThemes(
		db,
		links.map((l) => l.themeId),
	);
}

/** Something that rests on a theme, as a theme's public page lists it. */
export type Carried = { kind: "focusArea" | "proposal"; id: string; title: string; href: string };

/** Reads every link of one kind of thing resting on themes (theme ids as linked). */
export type ThemeCarrier = (db: Db) => Promise<(Carried & { themeId: string })[]>;

// Later modules (vision proposals) say what rests on themes here when the app is assembled: synthesis may not import them.
const carriers = new Map<string, ThemeCarrier>();

/** Registers a kind of thing that rests on themes, for the themes' public pages. */
export function registerThemeCarrier(kind: string, carrier: ThemeCarrier): void {
	carriers.set(kind, carrier);
}

const focusAreaCarrier: ThemeCarrier = async (db) => {
	const [links, areas] = await Promise.all([repo.allFocusAreaLinks(db), focusAreaChoices(db)]);
	return links.flatMap((l) => {
		const area = areas.find((a) => a.id === l.focusAreaId);
		return area ? [{ kind: "focusArea" as const, id: area.id, title: area.name, href: `/fokusomraden/${area.id}`, themeId: l.themeId }] : [];
	});
};

/** What rests on each live theme: the focus areas and vision proposals linked to it or to a theme merged into it. */
async function carriedBy(db: Db, liveIds: string[]): Promise<Map<string, Carried[]>> {
	const links = (await Promise.all([focusAreaCarrier, ...carriers.values()].map((c) => c(db)))).flat();
	const live = await repo.liveThemeIds(db, links.map((l) => l.themeId));
	return new Map(
		liveIds.map((liveId) => {
			const found = links.filter((l) => live.get(l.themeId) === liveId);
			return [liveId, found.filter((l, i) => found.findIndex((o) => o.kind === l.kind && o.id === l.id) === i).map(({ themeId: _, ...c }) => c)];
		}),
	);
}

/**
 * A theme's public page: what it holds, a sample of quotes and what rests on it. Only a theme something public rests on
 * is public (the rest is the analysts' work in progress); a merged theme's address leads to the theme it lives on in.
 */
export async function publicThemePage(db: Db, id: string): Promise<{ mergedInto: string } | { theme: Trace["themes"][number]; trace: Trace; carried: Carried[] }> {
	const liveId = isUuid(id) ? (await repo.liveThemeIds(db, [id])).get(id) : undefined;
	if (!liveId) throw notFound();
	if (liveId !== id) return { mergedInto: liveId };
	return cachedRead(db, `synthesis.theme:${id}`, async () => {
		const carried = (await carriedBy(db, [id])).get(id) ?? [];
		if (carried.length === 0) throw notFound();
		const trace = await traceOfThemes(db, [id], 12);
		return { theme: trace.themes[0]!, trace, carried };
	});
}

/**
 * Where an idea's words led: the public themes (something rests on them) that the idea or its comments were sorted
 * into, each with what rests on it. Themes nothing rests on yet stay the analysts' work in progress.
 */
export async function ideaTrace(db: Db, ideaId: string): Promise<{ theme: { id: string; name: string }; carried: Carried[] }[]> {
	if (!isUuid(ideaId)) return [];
	const ids = [...new Set((await repo.liveThemeIds(db, await repo.themesOfIdea(db, ideaId))).values())];
	if (ids.length === 0) return [];
	const [carried, named] = await Promise.all([carriedBy(db, ids), repo.themeSizes(db, ids)]);
	return named.flatMap((theme) => {
		const on = carried.get(theme.id) ?? [];
		return on.length > 0 ? [{ theme: { id: theme.id, name: theme.name }, carried: on }] : [];
	});
}

/** Who may link themes, the live themes to choose from, and those an owner rests on now, with who linked each and when. */
export async function themeLinks(db: Db, viewer: Viewer | null, owner: { table: repo.ThemeLinkTable; column: PgColumn; id: string }) {
	await authorize(db, viewer, "analyse");
	const [themes, links] = await Promise.all([synthesisRepo.listThemes(db), repo.linksOf(db, owner.table, owner.column, owner.id)]);
	const live = await repo.liveThemeIds(db, links.map((l) => l.themeId));
	const names = await peopleNames(db, links.map((l) => l.linkedBy));
	const chosen = links.flatMap((l) => {
		const themeId = live.get(l.themeId);
		return themeId ? [{ themeId, linkedBy: l.linkedBy ? (names.get(l.linkedBy) ?? null) : null, linkedAt: l.linkedAt }] : [];
	});
	return { themes, chosen };
}

/** The themes an analyst links an owner to, as sent by the form. */
export const themeLinksField = "themeIds";

/**
 * Makes an owner rest on exactly the themes chosen in the form. A theme merged away or deleted since the form was shown
 * refuses the whole form, naming the theme, and nothing is stored.
 */
export async function saveThemeLinks(db: Db, viewer: Viewer | null, owner: { table: repo.ThemeLinkTable; column: PgColumn; id: string }, body: unknown) {
	const by = await authorize(db, viewer, "analyse");
	const ids = checkedValues(body, themeLinksField);
	if (!ids.every(isUuid)) return refuse(body, themeLinksField, "error.badChoice");
	return db.transaction(async (tx) => {
		for (const id of ids) {
			// Shared locks: a merge of a chosen theme waits until the links are stored, and then carries them along.
			const theme = await synthesisRepo.lockLiveTheme(tx, id, "share");
			if (!theme) return refuse(body, themeLinksField, "synthesis.error.linkThemeGone");
			if (theme.id !== id) {
				const merged = await synthesisRepo.findTheme(tx, id);
				return refuse(body, themeLinksField, msg("synthesis.error.linkThemeMerged", { name: merged?.name ?? "", into: theme.name }));
			}
		}
		await repo.replaceLinks(tx, owner.table, owner.column, owner.id, ids, by.id);
		return { ok: true as const };
	});
}

/** The focus areas with how many themes each rests on, for the analyst's list. */
export async function focusAreaLinksPage(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "analyse");
	const [areas, links] = await Promise.all([focusAreaChoices(db), repo.allFocusAreaLinks(db)]);
	return areas.map((a) => ({ ...a, themes: links.filter((l) => l.focusAreaId === a.id).length }));
}

/** One focus area, or a 404 when there is no such area. */
export async function focusAreaOr404(db: Db, id: string) {
	const area = (await focusAreaChoices(db)).find((a) => isUuid(id) && a.id === id.toLowerCase());
	if (!area) throw notFound();
	return area;
}

/** The link table and column of a focus area's themes. */
export function focusAreaOwner(id: string) {
	return { table: focusAreaThemes, column: focusAreaThemes.focusAreaId, id };
}
