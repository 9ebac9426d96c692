import { loadPageSections } from "../../ui/sections.js";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { formState } from "../../ui/forms.js";
import * as service from "./ideas.service.js";
import { CommentHidePage, IdeaListPage, IdeaPage, ModerationPage, NewIdeaPage } from "./ideas.views.js";

type IdParams = { Params: { id: string } };
type CommentParams = { Params: { id: string; commentId: string } };

/** Public ideas with comments, support and reports, and the coordinator's moderation. */
export async function ideasRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/ideer", async (req, reply) => {
		const rows = await service.ideaList(db);
		return reply.page(req.t("idea.list.title"), (ctx) => IdeaListPage({ ctx, rows }));
	});

	app.get("/ideer/ny", async (req, reply) => {
		const data = await service.newIdeaPage(db, req.viewer);
		return reply.page(req.t("idea.new.title"), (ctx) => NewIdeaPage({ ctx, data, form: formState() }));
	});

	app.post("/ideer/ny", async (req, reply) => {
		const result = await service.createIdea(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther(`/ideer/${result.id}`, "flash.ideaCreated");
		return reply.page(req.t("idea.new.title"), (ctx) => NewIdeaPage({ ctx, data: result, form: result.state }), 422);
	});

	// "?anmal=<comment id>" comes from a comment's own report link and chooses that comment in the report form.
	app.get<IdParams & { Querystring: { anmal?: string } }>("/ideer/:id", async (req, reply) => {
		// Later modules add what they know of the idea, e.g. the themes it went into (see ui/sections).
		const [data, sections] = await Promise.all([service.ideaPage(db, req.viewer, req.params.id), loadPageSections("idea", db, req.params.id)]);
		const forms = req.query.anmal ? { report: formState({ commentId: req.query.anmal }) } : {};
		return reply.page(data.idea.title, (ctx) => IdeaPage({ ctx, data, forms, sections }));
	});

	app.post<IdParams>("/ideer/:id/kommentarer", async (req, reply) => {
		const result = await service.addComment(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/ideer/${result.id}`, "flash.commented");
		return reply.page(result.page.idea.title, (ctx) => IdeaPage({ ctx, data: result.page, forms: result.forms }), 422);
	});

	app.post<IdParams>("/ideer/:id/stod", async (req, reply) => {
		const result = await service.support(db, req.viewer, req.params.id);
		return reply.seeOther(`/ideer/${result.id}`, result.already ? "flash.alreadySupported" : "flash.supported");
	});

	app.post<IdParams>("/ideer/:id/anmal", async (req, reply) => {
		const result = await service.report(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/ideer/${result.id}`, "flash.reported");
		return reply.page(result.page.idea.title, (ctx) => IdeaPage({ ctx, data: result.page, forms: result.forms }), 422);
	});

	app.post<IdParams>("/ideer/:id/dolj", async (req, reply) => {
		const result = await service.hide(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/ideer/${result.id}`, result.already ? "flash.ideaAlreadyHidden" : "flash.hidden");
		return reply.page(result.page.idea.title, (ctx) => IdeaPage({ ctx, data: result.page, forms: result.forms }), 422);
	});

	app.post<IdParams>("/ideer/:id/aterstall", async (req, reply) => {
		const id = await service.restore(db, req.viewer, req.params.id);
		return reply.seeOther(`/ideer/${id}`, "flash.restored");
	});

	app.get<CommentParams>("/ideer/:id/kommentarer/:commentId/dolj", async (req, reply) => {
		const data = await service.commentModeration(db, req.viewer, req.params.id, req.params.commentId);
		return reply.page(req.t("idea.hideComment.title"), (ctx) => CommentHidePage({ ctx, data, form: formState() }));
	});

	app.post<CommentParams>("/ideer/:id/kommentarer/:commentId/dolj", async (req, reply) => {
		const result = await service.hideComment(db, req.viewer, req.params.id, req.params.commentId, req.body);
		if (result.ok) return reply.seeOther(`/ideer/${result.ideaId}#comment-${result.commentId}`, result.already ? "flash.commentAlreadyHidden" : "flash.commentHidden");
		return reply.page(req.t("idea.hideComment.title"), (ctx) => CommentHidePage({ ctx, data: result.data, form: result.state }), 422);
	});

	// The restore buttons on the moderation page send "tillbaka=admin" to come back there; elsewhere they lead to the comment.
	app.post<CommentParams & { Body: { tillbaka?: string } }>("/ideer/:id/kommentarer/:commentId/aterstall", async (req, reply) => {
		const result = await service.restoreComment(db, req.viewer, req.params.id, req.params.commentId);
		const back = req.body?.tillbaka === "admin" ? "/admin/ideer" : `/ideer/${result.ideaId}#comment-${result.commentId}`;
		return reply.seeOther(back, "flash.commentRestored");
	});

	app.get("/admin/ideer", async (req, reply) => {
		const data = await service.moderationPage(db, req.viewer);
		return reply.page(req.t("idea.moderation.title"), (ctx) => ModerationPage({ ctx, data }));
	});
}
