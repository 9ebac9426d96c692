import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import * as service from "./collaboration.service.js";
import { InboxPage, ProposalPage, RequestPage } from "./collaboration.views.js";

type ById = { Params: { id: string } };
type ByRequest = { Params: { id: string; requestId: string } };
type ProposalQuery = ById & { Querystring: { to?: string; goal?: string; theirGoal?: string; omrade?: string } };

/** Proposals to collaborate between actors: the proposal form, each organisation's inbox, and answering. */
export async function collaborationRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;
	const deps = (req: FastifyRequest): service.CollaborationDeps => ({ db, config, baseUrl: publicBaseUrl(config), limiter: app.rateLimiter, lang: req.lang });

	app.get<ById>("/aktorer/:id/samarbeten", async (req, reply) => {
		const data = await service.inbox(db, req.viewer, req.params.id);
		return reply.page(req.t("collab.inbox.title", { organisation: data.organisation.name }), (ctx) => InboxPage({ ctx, data }));
	});

	app.get<ProposalQuery>("/aktorer/:id/samarbeten/ny", async (req, reply) => {
		const { to, goal, theirGoal, omrade } = req.query;
		const form = await service.proposalForm(db, req.viewer, req.params.id, { to, goal, theirGoal, area: omrade });
		return reply.page(req.t("collab.new.title"), (ctx) => ProposalPage({ ctx, form }));
	});

	app.post<ById>("/aktorer/:id/samarbeten/ny", async (req, reply) => {
		const result = await service.propose(deps(req), req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/aktorer/${req.params.id}/samarbeten/${result.id}`, "flash.collaborationSent");
		return reply.page(req.t("collab.new.title"), (ctx) => ProposalPage({ ctx, form: result.form }), result.status);
	});

	app.get<ByRequest>("/aktorer/:id/samarbeten/:requestId", async (req, reply) => {
		const data = await service.requestPage(db, req.viewer, req.params.id, req.params.requestId);
		return reply.page(data.view.request.title, (ctx) => RequestPage({ ctx, data }));
	});

	/** After an answer: to the initiative an acceptance led to, else back to the request; or the page again with what went wrong. */
	function answered(req: FastifyRequest<ByRequest>, reply: FastifyReply, result: Awaited<ReturnType<typeof service.accept>>, flashKey: string) {
		if (result.ok) {
			const where = result.initiativeId ? `/initiativ/${result.initiativeId}` : `/aktorer/${req.params.id}/samarbeten/${req.params.requestId}`;
			return reply.seeOther(where, flashKey);
		}
		return reply.page(result.page.view.request.title, (ctx) => RequestPage({ ctx, data: result.page, forms: result.forms, error: result.error }), result.status);
	}

	app.post<ByRequest>("/aktorer/:id/samarbeten/:requestId/acceptera", async (req, reply) => {
		const result = await service.accept(deps(req), req.viewer, req.params.id, req.params.requestId, req.body);
		return answered(req, reply, result, result.ok && result.invitation ? "flash.coOwnershipAccepted" : "flash.collaborationAccepted");
	});

	app.post<ByRequest>("/aktorer/:id/samarbeten/:requestId/avboj", async (req, reply) => {
		const result = await service.decline(deps(req), req.viewer, req.params.id, req.params.requestId, req.body);
		return answered(req, reply, result, "flash.collaborationDeclined");
	});

	app.post<ByRequest>("/aktorer/:id/samarbeten/:requestId/aterkalla", async (req, reply) => {
		const result = await service.withdraw(deps(req), req.viewer, req.params.id, req.params.requestId);
		return answered(req, reply, result, "flash.collaborationWithdrawn");
	});
}
