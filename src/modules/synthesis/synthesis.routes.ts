import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { importsRoutes } from "./imports.routes.js";
import { traceabilityRoutes } from "./traceability.routes.js";
import { suggestRoutes } from "./suggest.routes.js";
import * as service from "./synthesis.service.js";
import { AnalystsPage, CoveragePage, TagPage, ThemePage, WorkspacePage } from "./synthesis.views.js";

type ById = { Params: { id: string } };

const bulkActions: Record<string, service.BulkAction> = { tagga: "tag", "tagga-alla": "tagAll", utanfor: "offTopic", tillbaka: "onTopic" };
const bulkFlash: Record<service.BulkAction, string> = { tag: "flash.tagged", tagAll: "flash.tagged", offTopic: "flash.markedOffTopic", onTopic: "flash.markedOnTopic" };

/** The analysts' workspace: themes, tagging, merging and splitting, and the coordinator's list of analysts. */
export async function synthesisRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;
	await app.register(importsRoutes, opts);
	await app.register(traceabilityRoutes, opts);
	await app.register(suggestRoutes, opts);

	app.get("/analys", async (req, reply) => {
		const data = await service.workspace(db, req.viewer);
		return reply.page(req.t("synthesis.title"), (ctx) => WorkspacePage({ ctx, data }));
	});

	app.post("/analys/teman", async (req, reply) => {
		const result = await service.createTheme(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther(`/analys/teman/${result.id}`, "flash.themeCreated");
		const data = await service.workspace(db, req.viewer);
		return reply.page(req.t("synthesis.title"), (ctx) => WorkspacePage({ ctx, data, form: result.state }), 422);
	});

	app.get<ById>("/analys/teman/:id", async (req, reply) => {
		const data = await service.themePage(db, req.viewer, req.params.id);
		return reply.page(data.theme.name, (ctx) => ThemePage({ ctx, data }));
	});

	const themeActions = {
		"": { run: service.renameTheme, formName: "rename", flash: "flash.themeSaved" },
		"/sla-ihop": { run: service.mergeTheme, formName: "merge", flash: "flash.merged" },
		"/dela": { run: service.splitTheme, formName: "inputs", flash: "flash.split" },
	} as const;
	for (const [suffix, action] of Object.entries(themeActions)) {
		app.post<ById>(`/analys/teman/:id${suffix}`, async (req, reply) => {
			const result = await action.run(db, req.viewer, req.params.id, req.body);
			if (result.ok) return reply.seeOther(`/analys/teman/${result.id ?? req.params.id}`, action.flash);
			const data = await service.themePage(db, req.viewer, req.params.id);
			return reply.page(data.theme.name, (ctx) => ThemePage({ ctx, data, form: result.state, formName: action.formName }), 422);
		});
	}

	app.post<ById>("/analys/teman/:id/ta-bort-inspel", async (req, reply) => {
		await service.untagFromTheme(db, req.viewer, req.params.id, req.body);
		return reply.seeOther(`/analys/teman/${req.params.id}`, "flash.untagged");
	});

	app.get("/analys/inspel", async (req, reply) => {
		const data = await service.tagPage(db, req.viewer, req.query);
		return reply.page(req.t("synthesis.tag.title"), (ctx) => TagPage({ ctx, data }));
	});

	app.post<{ Params: { action: string } }>("/analys/inspel/:action", async (req, reply) => {
		const action = bulkActions[req.params.action];
		if (!action) return reply.callNotFound();
		const result = await service.bulkAction(db, req.viewer, action, req.body);
		const data = await service.tagPage(db, req.viewer, req.body);
		const back = `/analys/inspel?${new URLSearchParams(Object.entries(data.query).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""))}`;
		if (result.ok) return reply.seeOther(back, bulkFlash[action]);
		return reply.page(req.t("synthesis.tag.title"), (ctx) => TagPage({ ctx, data, form: result.state }), 422);
	});

	app.get("/analys/tackning", async (req, reply) => {
		const data = await service.coveragePage(db, req.viewer);
		return reply.page(req.t("synthesis.coverage.title"), (ctx) => CoveragePage({ ctx, data }));
	});

	app.get("/analys/analytiker", async (req, reply) => {
		const rows = await service.analystsPage(db, req.viewer);
		return reply.page(req.t("synthesis.analysts.title"), (ctx) => AnalystsPage({ ctx, rows }));
	});

	app.post("/analys/analytiker", async (req, reply) => {
		const result = await service.grantAnalyst(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/analys/analytiker", "flash.analystGranted");
		const rows = await service.analystsPage(db, req.viewer);
		return reply.page(req.t("synthesis.analysts.title"), (ctx) => AnalystsPage({ ctx, rows, form: result.state }), 422);
	});

	app.post<ById>("/analys/analytiker/:id/ta-bort", async (req, reply) => {
		await service.revokeAnalyst(db, req.viewer, req.params.id);
		return reply.seeOther("/analys/analytiker", "flash.analystRevoked");
	});
}
