import { isUniqueViolation, type Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { addInputs, removeInputs, setInputsHidden } from "../inputs/index.js";
import { actorOf, getProgramme } from "../programmes/index.js";
import { commentInput, hideInput, ideaInput, reportInput } from "./ideas.input.js";
import { authorize, may } from "./ideas.policy.js";
import * as repo from "./ideas.repo.js";

/** The forms an idea's page holds; each is given back on its own with its errors. */
export type IdeaForms = Partial<Record<"comment" | "report" | "hide", FormState>>;

/** The public list of ideas that are not hidden. */
export async function ideaList(db: Db) {
	const programme = await getProgramme(db);
	return repo.listVisibleIdeas(db, programme.id);
}

/** What the new-idea form needs: the focus areas to choose from; only for signed-in residents. */
export async function newIdeaPage(db: Db, viewer: Viewer | null) {
	authorize(await actorOf(db, viewer), "propose");
	const programme = await getProgramme(db);
	return { programme, focusAreas: await focusAreaChoices(db, programme.id) };
}

/** Stores a new idea and adds it to the pool of inputs. */
export async function createIdea(db: Db, viewer: Viewer | null, body: unknown) {
	const page = await newIdeaPage(db, viewer);
	const parsed = parseForm(ideaInput, body);
	if (!parsed.ok) return { ok: false as const, ...page, state: parsed.state };
	const { title, text, focusAreaId } = parsed.data;
	if (focusAreaId && !page.focusAreas.some((a) => a.id === focusAreaId.toLowerCase())) {
		return { ok: false as const, ...page, state: withError(formState(body as Record<string, unknown>), "focusAreaId", "error.badChoice") };
	}
	const idea = await db.transaction(async (tx) => {
		const row = await repo.insertIdea(tx, { programmeId: page.programme.id, authorId: viewer!.id, title, text, focusAreaId: focusAreaId || null });
		await addInputs(tx, [{ source: "idea", sourceId: row.id, text: `${title}\n\n${text}`, occurredOn: todayInSweden(row.createdAt), focusAreaId: row.focusAreaId }]);
		return row;
	});
	return { ok: true as const, id: idea.id };
}

/**
 * An idea's page; a hidden idea is seen only by its author (with the reason) and by coordinators.
 * A hidden comment is left out for everyone but its author (who reads the reason) and coordinators (who may restore it):
 * like CONSUL and Decidim, which show a placeholder only where replies hang on a hidden comment, and comments here have no replies.
 * Callers that have checked already that the viewer moderates pass `knownCoordinator`, saving the check.
 */
export async function ideaPage(db: Db, viewer: Viewer | null, id: string, knownCoordinator?: boolean) {
	const found = isUuid(id) ? await repo.findIdea(db, id) : undefined;
	if (!found) throw notFound();
	const actor = knownCoordinator ? { viewer, coordinates: true } : await actorOf(db, viewer);
	if (found.idea.hiddenAt && !may(actor, "seeHidden", found.idea.authorId)) throw notFound();
	const [all, supported] = await Promise.all([repo.listComments(db, found.idea.id), viewer ? repo.hasSupport(db, found.idea.id, viewer.id) : false]);
	const comments = all.filter(({ comment }) => !comment.hiddenAt || may(actor, "seeHidden", comment.authorId));
	return { ...found, comments, supported, isAuthor: viewer?.id === found.idea.authorId, isCoordinator: may(actor, "moderate") };
}

async function visibleIdea(db: Db, viewer: Viewer | null, id: string) {
	authorize(await actorOf(db, viewer), "takePart");
	const page = await ideaPage(db, viewer, id);
	if (page.idea.hiddenAt) throw notFound();
	return page;
}

/** Adds a comment to an idea and to the pool of inputs. */
export async function addComment(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await visibleIdea(db, viewer, id);
	const parsed = parseForm(commentInput, body);
	if (!parsed.ok) return { ok: false as const, page, forms: { comment: parsed.state } satisfies IdeaForms };
	const added = await db.transaction(async (tx) => {
		// Hidden in the meantime: the comment would be an input nobody may see.
		if ((await repo.lockIdea(tx, page.idea.id))?.hidden !== false) return false;
		const row = await repo.insertComment(tx, { ideaId: page.idea.id, authorId: viewer!.id, text: parsed.data.comment });
		await addInputs(tx, [{ source: "comment", sourceId: row.id, text: row.text, occurredOn: todayInSweden(row.createdAt), focusAreaId: page.idea.focusAreaId }]);
		return true;
	});
	if (!added) throw notFound();
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
	if (commentId && !page.comments.some((c) => c.comment.id === commentId && !c.comment.hiddenAt)) {
		return { ok: false as const, page, forms: { report: withError(parsed.data, "commentId", "error.badChoice") } satisfies IdeaForms };
	}
	await repo.insertReport(db, { ideaId: page.idea.id, commentId: commentId || null, reporterId: viewer!.id, reason });
	return { ok: true as const, id: page.idea.id };
}

/** Hides an idea with a reason the author sees; its inputs are marked hidden too. An idea already hidden keeps its first reason. */
export async function hide(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const by = authorize(await actorOf(db, viewer), "moderate");
	const page = await ideaPage(db, viewer, id, true);
	if (page.idea.hiddenAt) return { ok: true as const, id: page.idea.id, already: true };
	const parsed = parseForm(hideInput, body);
	if (!parsed.ok) return { ok: false as const, page, forms: { hide: parsed.state } satisfies IdeaForms };
	await db.transaction(async (tx) => {
		await repo.lockIdea(tx, page.idea.id);
		await repo.setHidden(tx, page.idea.id, { reason: parsed.data.hideReason, by: by.id });
		await setInputsHidden(tx, "idea", [page.idea.id], true);
		await setInputsHidden(tx, "comment", await repo.commentIds(tx, page.idea.id, false), true);
	});
	return { ok: true as const, id: page.idea.id, already: false };
}

/** Shows a hidden idea again; comments hidden one by one stay hidden, and so do their inputs. */
export async function restore(db: Db, viewer: Viewer | null, id: string): Promise<string> {
	authorize(await actorOf(db, viewer), "moderate");
	const page = await ideaPage(db, viewer, id, true);
	await db.transaction(async (tx) => {
		await repo.lockIdea(tx, page.idea.id);
		await repo.setHidden(tx, page.idea.id, null);
		await setInputsHidden(tx, "idea", [page.idea.id], false);
		await setInputsHidden(tx, "comment", await repo.commentIds(tx, page.idea.id, true), false);
	});
	return page.idea.id;
}

/** What the page for hiding one comment shows: the comment, the idea it is on and where it stands in the list; for coordinators only. */
export async function commentModeration(db: Db, viewer: Viewer | null, ideaId: string, commentId: string) {
	authorize(await actorOf(db, viewer), "moderate");
	const page = await ideaPage(db, viewer, ideaId, true);
	// A coordinator's page lists every comment, hidden ones too, so the number matches what they see there.
	const n = page.comments.findIndex((c) => c.comment.id === commentId) + 1;
	if (n === 0) throw notFound();
	const { comment, authorName } = page.comments[n - 1]!;
	return { idea: page.idea, comment, authorName, n };
}

/** Hides one comment with a reason its author sees, and its input; a comment already hidden keeps its first reason. */
export async function hideComment(db: Db, viewer: Viewer | null, ideaId: string, commentId: string, body: unknown) {
	const data = await commentModeration(db, viewer, ideaId, commentId);
	if (data.comment.hiddenAt) return { ok: true as const, ideaId: data.idea.id, commentId: data.comment.id, already: true };
	const parsed = parseForm(hideInput, body);
	if (!parsed.ok) return { ok: false as const, data, state: parsed.state };
	const hidden = await db.transaction(async (tx) => {
		await repo.lockIdea(tx, data.idea.id);
		const done = await repo.hideComment(tx, data.comment.id, { reason: parsed.data.hideReason, by: viewer!.id });
		if (done) await setInputsHidden(tx, "comment", [data.comment.id], true);
		return done;
	});
	return { ok: true as const, ideaId: data.idea.id, commentId: data.comment.id, already: !hidden };
}

/** Shows a hidden comment again; its input stays hidden while the idea itself is hidden. */
export async function restoreComment(db: Db, viewer: Viewer | null, ideaId: string, commentId: string) {
	const data = await commentModeration(db, viewer, ideaId, commentId);
	await db.transaction(async (tx) => {
		const idea = await repo.lockIdea(tx, data.idea.id);
		await repo.showComment(tx, data.comment.id);
		await setInputsHidden(tx, "comment", [data.comment.id], idea?.hidden !== false);
	});
	return { ideaId: data.idea.id, commentId: data.comment.id };
}

/** The coordinator's moderation page: reports of abuse, hidden ideas and hidden comments. */
export async function moderationPage(db: Db, viewer: Viewer | null) {
	authorize(await actorOf(db, viewer), "moderate");
	const programme = await getProgramme(db);
	const [reports, hidden, hiddenComments] = await Promise.all([
		repo.listReports(db, programme.id),
		repo.listHiddenIdeas(db, programme.id),
		repo.listHiddenComments(db, programme.id),
	]);
	return { reports, hidden, hiddenComments };
}

/** Who took part through ideas (submitting, commenting, supporting) and on which day. */
export async function ideaParticipation(db: Db) {
	const programme = await getProgramme(db);
	return repo.ideaParticipants(db, programme.id);
}

/** A person's ideas, comments, supports and reports of abuse, for their data download. */
export async function ideasDataOf(db: Db, userId: string) {
	const [own, comments, supports, reports] = await Promise.all([
		repo.ideasByAuthor(db, userId),
		repo.commentsByAuthor(db, userId),
		repo.supportsByUser(db, userId),
		repo.reportsByUser(db, userId),
	]);
	return {
		ideas: own.map(({ idea, focusAreaName }) => ({
			title: idea.title,
			text: idea.text,
			focusArea: focusAreaName,
			createdAt: idea.createdAt,
			hiddenAt: idea.hiddenAt,
			hiddenReason: idea.hiddenReason,
		})),
		comments: comments.map(({ comment, ideaTitle }) => ({
			idea: ideaTitle,
			text: comment.text,
			createdAt: comment.createdAt,
			hiddenAt: comment.hiddenAt,
			hiddenReason: comment.hiddenReason,
		})),
		supports: supports.map((s) => ({ idea: s.ideaTitle, createdAt: s.createdAt })),
		reports: reports.map((r) => ({ idea: r.ideaTitle, reason: r.reason, createdAt: r.createdAt })),
	};
}

/**
 * Deletes a person's ideas, comments and supports and takes their inputs out of the pool, when they delete their account.
 * Deleted, not anonymised: the texts were published under the person's name and free text can tell who wrote it.
 * Other people's comments on the person's ideas go with the ideas (a comment without its idea means little), and their inputs too.
 */
export async function forgetIdeasOf(db: Db, userId: string): Promise<void> {
	const ideaIds = (await repo.ideasByAuthor(db, userId)).map((r) => r.idea.id);
	const commentIds = await repo.commentIdsOfPerson(db, userId, ideaIds);
	await removeInputs(db, "idea", ideaIds);
	await removeInputs(db, "comment", commentIds);
	await repo.deleteContributionsOf(db, userId);
}
