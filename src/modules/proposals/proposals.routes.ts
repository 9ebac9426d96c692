import type { FastifyInstance } from "fastify";
import { errorSchema, idParamsSchema, oneRecordResponses } from "../../lib/api-schema.js";
import type { Db } from "../../db/client.js";
import { formState } from "../../ui/forms.js";
import { proposalJson, proposalJsonSchema, visionJson, visionJsonSchema } from "./proposals.api.js";
import * as service from "./proposals.service.js";
import { ProposalAdminList, ProposalForm, VisionPage } from "./proposals.views.js";

type IdParams = { Params: { id: string } };
const tags = ["vision"];

/** The public vision page, the coordinator's proposal forms, and the vision's JSON API. */
export async function proposalsRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/vision", { config: { publicPage: true } }, async (req, reply) => {
		const data = await service.visionPage(db);
		return reply.page(req.t("vision.title"), (ctx) => VisionPage({ ctx, data }));
	});

	app.get("/admin/proposals", async (req, reply) => {
		const proposals = await service.proposalsForAdmin(db, req.viewer);
		return reply.page(req.t("proposals.admin.title"), (ctx) => ProposalAdminList({ ctx, proposals }));
	});

	app.get("/admin/proposals/new", async (req, reply) => {
		await service.authorizeWrite(db, req.viewer);
		const heading = req.t("proposals.admin.new");
		return reply.page(heading, (ctx) => ProposalForm({ ctx, form: formState(), action: "/admin/proposals", heading }));
	});

	app.post("/admin/proposals", async (req, reply) => {
		const result = await service.createProposal(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/proposals", "flash.proposalCreated");
		const heading = req.t("proposals.admin.new");
		return reply.page(heading, (ctx) => ProposalForm({ ctx, form: result.state, action: "/admin/proposals", heading }), 422);
	});

	app.get<IdParams>("/admin/proposals/:id", async (req, reply) => {
		const proposal = await service.proposalForAdmin(db, req.viewer, req.params.id);
		const heading = req.t("proposals.admin.edit", { number: proposal.number });
		const action = `/admin/proposals/${proposal.id}`;
		return reply.page(heading, (ctx) => ProposalForm({ ctx, form: formState(proposal), action, heading }));
	});

	app.post<IdParams>("/admin/proposals/:id", async (req, reply) => {
		const result = await service.updateProposal(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther("/admin/proposals", "flash.proposalSaved");
		const heading = req.t("proposals.admin.edit", { number: result.proposal.number });
		const action = `/admin/proposals/${result.proposal.id}`;
		return reply.page(heading, (ctx) => ProposalForm({ ctx, form: result.state, action, heading }), 422);
	});

	app.get(
		"/api/v1/vision",
		{
			schema: {
				tags,
				summary: "The vision in force and the public vote on the proposals",
				response: { 200: { description: "The vision in force and the vote", ...visionJsonSchema }, 404: { description: "No programme has been set up", ...errorSchema } },
			},
		},
		async () => {
			const data = await service.visionPage(db);
			return visionJson(data.vision, data.vote);
		},
	);

	app.get(
		"/api/v1/proposals",
		{
			schema: {
				tags,
				summary: "Every vision proposal, in number order",
				response: { 200: { description: "The proposals", type: "array", items: proposalJsonSchema }, 404: { description: "No programme has been set up", ...errorSchema } },
			},
		},
		async () => (await service.publicProposals(db)).map(proposalJson),
	);

	app.get<IdParams>(
		"/api/v1/proposals/:id",
		{ schema: { tags, summary: "One vision proposal", params: idParamsSchema, response: oneRecordResponses(proposalJsonSchema) } },
		async (req) => proposalJson(await service.publicProposal(db, req.params.id)),
	);
}
