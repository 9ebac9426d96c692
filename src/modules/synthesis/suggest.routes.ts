import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { idParamsSchema } from "../../lib/api-schema.js";
import { sendTables, type TableFormat } from "../../lib/spreadsheet.js";
import * as service from "./suggest.service.js";
import { type FailedForm, SuggestionsPage } from "./suggest.views.js";
import { bulkAction } from "./synthesis.service.js";

type ById = { Params: { id: string } };

/** Suggested themes and assisted tagging: start a run, act on its suggestions, confirm guesses, export a run. */
export async function suggestRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	const page = async (req: { viewer: Parameters<typeof service.suggestionsPage>[1]; t: (key: string) => string }, reply: FastifyReply, failed?: FailedForm) => {
		const data = await service.suggestionsPage(db, req.viewer);
		return reply.page(req.t("synthesis.suggest.title"), (ctx) => SuggestionsPage({ ctx, data, failed }), failed ? 422 : 200);
	};

	app.get("/analys/forslag", (req, reply) => page(req, reply));

	app.post("/analys/forslag", async (req, reply) => {
		const result = await service.startSuggestions(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/analys/forslag", "flash.suggestStarted");
		return page(req, reply, { form: result.state, of: "start" });
	});

	const actions = {
		godta: { run: service.acceptSuggestion, flash: "flash.themeAccepted" },
		"byt-namn": { run: service.renameSuggestion, flash: "flash.suggestionRenamed" },
		avvisa: { run: service.rejectSuggestion, flash: "flash.suggestionRejected" },
		"sla-ihop": { run: service.mergeSuggestion, flash: "flash.merged" },
	} as const;
	for (const [path, action] of Object.entries(actions)) {
		app.post<ById>(`/analys/forslag/:id/${path}`, async (req, reply) => {
			const result = await action.run(db, req.viewer, req.params.id, req.body);
			if (result.ok) return reply.seeOther(`/analys/forslag#suggestion-${req.params.id}`, action.flash);
			return page(req, reply, { form: result.state, of: req.params.id });
		});
	}

	app.post("/analys/forslag/assistans", async (req, reply) => {
		const result = await service.startAssist(db, req.viewer);
		if (result.ok) return reply.seeOther("/analys/forslag#assist", "flash.suggestStarted");
		return page(req, reply, { form: result.state, of: "assist" });
	});

	app.post("/analys/forslag/assistans/bekrafta", async (req, reply) => {
		const result = await service.confirmGuesses(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/analys/forslag#assist", "flash.tagged");
		return page(req, reply, { form: result.state, of: "confirm" });
	});

	app.post("/analys/forslag/assistans/bekrafta-over", async (req, reply) => {
		const result = await service.confirmAbove(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/analys/forslag#assist", "flash.tagged");
		return page(req, reply, { form: result.state, of: "above" });
	});

	app.post("/analys/forslag/assistans/ratta", async (req, reply) => {
		const result = await bulkAction(db, req.viewer, "tag", req.body);
		if (result.ok) return reply.seeOther("/analys/forslag#assist", "flash.tagged");
		return page(req, reply, { form: result.state, of: "confirm" });
	});

	const download = async (req: FastifyRequest<ById>, reply: FastifyReply, format: TableFormat) => {
		const data = await service.exportRun(db, req.viewer, req.params.id);
		return sendTables(reply, `forslag-${data.run.id}`, [service.exportTable(data, req.lang, req.t("synthesis.suggest.title"))], format);
	};
	app.get<ById>("/analys/forslag/korningar/:id.xlsx", (req, reply) => download(req, reply, "xlsx"));
	app.get<ById & { Querystring: { sep?: string } }>("/analys/forslag/korningar/:id.csv", (req, reply) => download(req, reply, req.query.sep === "semicolon" ? "csv-excel" : "csv"));

	app.get<ById>(
		"/api/v1/suggestion-runs/:id",
		{
			schema: {
				tags: ["synthesis"],
				summary: "One suggestion run (analysts only)",
				description: "A run of suggested themes or assisted tagging: its settings, and one row per input with its suggested theme and score. In an assisted-tagging run the score is the confidence (0–1) and `fit` the cosine closeness to the theme's examples; a themes run has `fit` null.",
				params: idParamsSchema,
			},
		},
		async (req) => service.exportRun(db, req.viewer, req.params.id),
	);
}
