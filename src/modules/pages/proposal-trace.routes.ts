import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import type { T } from "../../i18n/i18n.js";
import { checkedValues } from "../focus-areas/index.js";
import { idParamsSchema, oneRecordResponses } from "../../lib/api-schema.js";
import { ThemeLinksPage, themeLinksField, traceJson, traceJsonSchema, traceTags } from "../synthesis/index.js";
import type { Proposal } from "../proposals/index.js";
import * as service from "./proposal-trace.service.js";
import { ProposalLinksPage, ProposalPage } from "./proposal-trace.views.js";

type ById = { Params: { id: string } };

/** A proposal's public page, and the analysts' pages for linking proposals to the themes they rest on. */
export async function proposalTraceRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get<ById>("/vision/forslag/:id", { config: { publicPage: true } }, async (req, reply) => {
		const data = await service.proposalPage(db, req.params.id);
		return reply.page(data.proposal.title, (ctx) => ProposalPage({ ctx, data }));
	});

	app.get<ById>(
		"/api/v1/proposals/:id/trace",
		{
			schema: {
				tags: traceTags,
				summary: "What a vision proposal rests on",
				description: "The themes from residents' inputs the proposal is linked to, how many inputs and participants they hold, and a sample of public quotes: as on the proposal's page.",
				params: idParamsSchema,
				response: oneRecordResponses(traceJsonSchema, "The proposal's trace"),
			},
		},
		async (req) => traceJson((await service.proposalPage(db, req.params.id)).trace),
	);

	app.get("/analys/visionsforslag", async (req, reply) => {
		const proposals = await service.proposalLinksPage(db, req.viewer);
		return reply.page(req.t("proposal.links.title"), (ctx) => ProposalLinksPage({ ctx, proposals }));
	});

	app.get<ById>("/analys/visionsforslag/:id", async (req, reply) => {
		const { proposal, data } = await service.proposalLinks(db, req.viewer, req.params.id);
		return reply.page(proposal.title, (ctx) => ThemeLinksPage({ ctx, data, ...frame(ctx.t, proposal) }));
	});

	app.post<ById>("/analys/visionsforslag/:id", async (req, reply) => {
		const { proposal, result } = await service.saveProposalLinks(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/analys/visionsforslag/${proposal.id}`, "flash.proposalThemesSaved");
		const { data } = await service.proposalLinks(db, req.viewer, proposal.id);
		const checked = checkedValues(req.body, themeLinksField);
		return reply.page(proposal.title, (ctx) => ThemeLinksPage({ ctx, data, form: result.state, checked, ...frame(ctx.t, proposal) }), 422);
	});
}

/** The heading, links and form address of a proposal's link page. */
function frame(t: T, proposal: Proposal) {
	return {
		heading: t("proposal.links.heading", { number: proposal.number, title: proposal.title }),
		publicHref: `/vision/forslag/${proposal.id}`,
		back: { href: "/analys/visionsforslag", label: t("proposal.links.back") },
		action: `/analys/visionsforslag/${proposal.id}`,
	};
}
