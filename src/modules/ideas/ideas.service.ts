import { isUniqueViolation, type Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound, unauthorized } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { addInputs, setInputsHidden } from "../inputs/index.js";
import { getProgramme, isCoordinator, requireCoordinator } from "../programmes/index.js";
import { commentInput, hideInput, ideaInput, reportInput } from "./ideas.input.js";
import * as repo from "./ideas.repo.js";

/** The forms an idea's page holds; each is given back on its own with its errors. */
export type IdeaForms = Partial<Record<"comment" | "report" | "hide", FormState>>;

function requireSignedIn(viewer: Viewer | null): Viewer {
	if (!viewer) throw unauthorized();
	return viewer;
}

/** The public list of ideas that are not hidden. */
export async function ideaList(db: Db) {
	const programme = await getProgramme(db);
	return repo.listVisibleIdeas(db, programme.id);
}

/** What the new-idea form needs: the focus areas to choose from; only for signed-in residents. */
export async function newIdeaPage(db: Db, viewer: Viewer | null) {
	requireSignedIn(viewer);
	const programme = await getProgramme(db);
	return { programme, focusAreas: await repo.focusAreaChoices(db, programme.id) };
}

/** Stores a new idea and adds it to the pool of inputs. */
export async function createIdea(db: Db, viewer: Viewer | null, body: unknown) {
	const page = await newIdeaPage(db, viewer);
	const parsed = parseForm(ideaInput, body);
	if (!parsed.ok) return { ok: false as const, ...page, state: parsed.state };
	const { title, text, focusAreaId } = parsed.data;
	if (focusAreaId && !(isUuid(focusAreaId) && (await repo.focusAreaExists(db, page.programme.id, focusAreaId)))) {
		return { ok: false as const, ...page, state: withError(formState(body as Record<string, unknown>), "focusAreaId", "error.badChoice") };
	}
	const idea = await db.transaction(async (tx) => {
		const row = await repo.insertIdea(tx, { programmeId: page.programme.id, authorId: viewer!.id, title, text, focusAreaId: focusAreaId || null });
		await addInputs(tx, [{ source: "idea", sourceId: row.id, text: `${title}\n\n${text}`, occurredOn: todayInSweden(row.createdAt), focusAreaId: row.focusAreaId }]);
		return row;
	});
	return { ok: true as const, id: idea.id };
}

/** An idea's page; a hidden idea is seen only by its author (with the reason) and by coordinators. */
export async function ideaPage(db: Db, viewer: Viewer | null, id: string) {
	const found = isUuid(id) ? await repo.findIdea(db, id) : undefined;
	if (!found) throw notFound();
	const coordinator = await isCoordinator(db, viewer);
	const isAuthor = viewer?.id === found.idea.authorId;
	if (found.idea.hiddenAt && !isAuthor && !coordinator) throw notFound();
	const [comments, supported] = await Promise.all([repo.listComments(db, found.idea.id), viewer ? repo.hasSupport(db, found.idea.id, viewer.id) : false]);
	return { ...found, comments, supported, isAuthor, isCoordinator: coordinator };
}

async function visibleIdea(db: Db, viewer: Viewer | null, id: string) {
	requireSignedIn(viewer);
	const page = await ideaPage(db, viewer, id);
	if (page.idea.hiddenAt) throw notFound();
	return page;
}

/** Adds a comment to an idea and to the pool of inputs. */
export async function addComment(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await visibleIdea(db, viewer, id);
	const parsed = parseForm(commentInput, body);
	if (!parsed.ok) return { ok: false as const, page, forms: { comment: parsed.state } satisfies IdeaForms };
	await db.transaction(async (tx) => {
		const row = await repo.insertComment(tx, { ideaId: page.idea.id, authorId: viewer!.id, text: parsed.data.comment });
		await addInputs(tx, [{ source: "comment", sourceId: row.id, text: row.text, occurredOn: todayInSweden(row.createdAt), focusAreaId: page.idea.focusAreaId }]);
	});
	return { ok: true as const, id: page.idea.id };
}

/** Supports an idea once; a second support (also a concurrent double click) is refused by the database and told plainly. */
export async function support(db: Db, viewer: Viewer | null, id: string): Promise<{ id: string; already: boolean }> {
	const page = await visibleIdea(db, viewer, id);
	try {
		await repo.insertSupport(db, page.idea.id, viewer!.id);
		return { id: page.idea.id, already: false };
	} catch (err) {
		if (isUniqueViolation(err)) return { id: page.idea.id, already: true };
		throw err;
	}
}

/** Stores a resident's report of abuse about an idea or one of its comments. */
export async function report(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await visibleIdea(db, viewer, id);
	const parsed = parseForm(reportInput, body);
	if (!parsed.ok) return { ok: false as const, page, forms: { report: parsed.state } satisfies IdeaForms };
	const { reason, commentId } = parsed.data;
	if (commentId && !page.comments.some((c) => c.comment.id === commentId)) {
		return { ok: false as const, page, forms: { report: withError(parsed.data, "commentId", "error.badChoice") } satisfies IdeaForms };
	}
	await repo.insertReport(db, { ideaId: page.idea.id, commentId: commentId || null, reporterId: viewer!.id, reason });
	return { ok: true as const, id: page.idea.id };
}

/** Hides an idea with a reason the author sees; its inputs are marked hidden too. */
export async function hide(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const by = await requireCoordinator(db, viewer);
	const page = await ideaPage(db, viewer, id);
	const parsed = parseForm(hideInput, body);
	if (!parsed.ok) return { ok: false as const, page, forms: { hide: parsed.state } satisfies IdeaForms };
	await db.transaction(async (tx) => {
		await repo.setHidden(tx, page.idea.id, { reason: parsed.data.hideReason, by: by.id });
		await setInputsHidden(tx, "idea", [page.idea.id], true);
		await setInputsHidden(tx, "comment", page.comments.map((c) => c.comment.id), true);
	});
	return { ok: true as const, id: page.idea.id };
}

/** Shows a hidden idea again. */
export async function restore(db: Db, viewer: Viewer | null, id: string): Promise<string> {
	await requireCoordinator(db, viewer);
	const page = await ideaPage(db, viewer, id);
	await db.transaction(async (tx) => {
		await repo.setHidden(tx, page.idea.id, null);
		await setInputsHidden(tx, "idea", [page.idea.id], false);
		await setInputsHidden(tx, "comment", page.comments.map((c) => c.comment.id), false);
	});
	return page.idea.id;
}

/** The coordinator's moderation page: reports of abuse and hidden ideas. */
export async function moderationPage(db: Db, viewer: Viewer | null) {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const [reports, hidden] = await Promise.all([repo.listReports(db, programme.id), repo.listHiddenIdeas(db, programme.id)]);
	return { reports, hidden };
}

/** Who took part through ideas (submitting, commenting, supporting) and on which day. */
export async function ideaParticipation(db: Db) {
	const programme = await getProgramme(db);
	return repo.ideaParticipants(db, programme.id);
}
