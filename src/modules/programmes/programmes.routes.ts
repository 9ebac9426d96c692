import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { formState } from "../../ui/forms.js";
import { PhaseForm, ProgrammeAdminPage } from "./programmes.admin.views.js";
import { programmeJson, programmeResponses } from "./programmes.api.js";
import * as service from "./programmes.service.js";

type IdParams = { Params: { id: string } };

/** The coordinator's administration of it, and its JSON API. */
export async function programmesRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/admin/programme", async (req, reply) => {
		const data = await service.programmeForAdmin(opts.db, req.viewer);
		return reply.page(req.t("programme.admin.title"), (ctx) => ProgrammeAdminPage({ ctx, ...data, form: formState(data.programme) }));
	});

	app.post("/admin/programme", async (req, reply) => {
		const result = await service.updateProgramme(opts.db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/programme", "flash.programmeSaved");
		return reply.page(req.t("programme.admin.title"), (ctx) => ProgrammeAdminPage({ ctx, ...result, form: result.state }), 422);
	});

	app.get("/admin/programme/phases/new", async (req, reply) => {
		await service.programmeForAdmin(opts.db, req.viewer);
		const heading = req.t("programme.admin.newPhase");
		return reply.page(heading, (ctx) => PhaseForm({ ctx, form: formState(), action: "/admin/programme/phases", heading }));
	});

	app.post("/admin/programme/phases", async (req, reply) => {
		const result = await service.createPhase(opts.db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/programme", "flash.phaseCreated");
		const heading = req.t("programme.admin.newPhase");
		return reply.page(heading, (ctx) => PhaseForm({ ctx, form: result.state, action: "/admin/programme/phases", heading }), 422);
	});

	app.get<IdParams>("/admin/programme/phases/:id", async (req, reply) => {
		const phase = await service.phaseForAdmin(opts.db, req.viewer, req.params.id);
		const heading = req.t("programme.admin.phaseTitle", { name: phase.name });
		const action = `/admin/programme/phases/${phase.id}`;
		return reply.page(heading, (ctx) => PhaseForm({ ctx, form: formState(phase), action, heading }));
	});

	app.post<IdParams>("/admin/programme/phases/:id", async (req, reply) => {
		const result = await service.updatePhase(opts.db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther("/admin/programme", "flash.phaseSaved");
		const heading = req.t("programme.admin.phaseTitle", { name: result.phase.name });
		const action = `/admin/programme/phases/${result.phase.id}`;
		return reply.page(heading, (ctx) => PhaseForm({ ctx, form: result.state, action, heading }), 422);
	});

	app.post<IdParams>("/admin/programme/phases/:id/delete", async (req, reply) => {
		await service.deletePhase(opts.db, req.viewer, req.params.id);
		return reply.seeOther("/admin/programme", "flash.phaseDeleted");
	});

	app.get(
		"/api/v1/programme",
		{ schema: { tags: ["programme"], summary: "The programme: its facts, coordinator and phases", response: programmeResponses } },
		async () => programmeJson(await service.startPage(opts.db)),
	);
}
