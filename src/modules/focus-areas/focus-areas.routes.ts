import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { idParamsSchema, oneRecordResponses, refSchema, uuidSchema } from "../../lib/api-schema.js";
import { parseForm } from "../../ui/forms.js";
import { checkedValues, focusAreaInput, organisationsField } from "./focus-areas.input.js";
import * as service from "./focus-areas.service.js";
import { AdminFocusAreasPage, FocusAreaFormPage, FocusAreasPage } from "./focus-areas.views.js";

type ById = { Params: { id: string } };

/** A focus area in the JSON API. */
const focusAreaSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "position", "name", "description", "organisations"],
	properties: {
		id: uuidSchema,
		position: { type: "integer", description: "Order in which the areas are listed" },
		name: { type: "string" },
		description: { type: "string" },
		organisations: { type: "array", items: refSchema, description: "Organisations that work in the area" },
	},
} as const;

/** The list of focus areas, coordinator administration and JSON API of the focus areas (each area's page is in pages). */
export async function focusAreasRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/fokusomraden", async (req, reply) => {
		const areas = await service.focusAreasOverview(db);
		return reply.page(req.t("focusArea.title"), (ctx) => FocusAreasPage({ ctx, areas }));
	});

	app.get("/admin/focus-areas", async (req, reply) => {
		const areas = await service.adminFocusAreas(db, req.viewer);
		return reply.page(req.t("focusArea.title"), (ctx) => AdminFocusAreasPage({ ctx, areas }));
	});

	app.get("/admin/focus-areas/new", async (req, reply) => {
		const form = await service.focusAreaForm(db, req.viewer, null);
		return reply.page(req.t("focusArea.admin.new"), (ctx) => FocusAreaFormPage({ ctx, form }));
	});

	app.post("/admin/focus-areas/new", async (req, reply) => {
		const chosen = checkedValues(req.body, organisationsField);
		const result = await service.saveFocusArea(db, req.viewer, null, parseForm(focusAreaInput, req.body), chosen);
		if (result.ok) return reply.seeOther("/admin/focus-areas", "flash.focusAreaCreated");
		return reply.page(req.t("focusArea.admin.new"), (ctx) => FocusAreaFormPage({ ctx, form: result.form }), 422);
	});

	app.get<ById>("/admin/focus-areas/:id/edit", async (req, reply) => {
		const form = await service.focusAreaForm(db, req.viewer, req.params.id);
		return reply.page(req.t("focusArea.admin.edit", { name: form.area!.name }), (ctx) => FocusAreaFormPage({ ctx, form }));
	});

	app.post<ById>("/admin/focus-areas/:id/edit", async (req, reply) => {
		const chosen = checkedValues(req.body, organisationsField);
		const result = await service.saveFocusArea(db, req.viewer, req.params.id, parseForm(focusAreaInput, req.body), chosen);
		if (result.ok) return reply.seeOther("/admin/focus-areas", "flash.focusAreaSaved");
		const title = req.t("focusArea.admin.edit", { name: result.form.area!.name });
		return reply.page(title, (ctx) => FocusAreaFormPage({ ctx, form: result.form }), 422);
	});

	app.get(
		"/api/v1/focus-areas",
		{
			schema: {
				tags: ["focus-areas"],
				summary: "The programme's focus areas",
				description: "Every focus area in order, with the organisations that work in it.",
				response: { 200: { description: "The focus areas in order", type: "array", items: focusAreaSchema } },
			},
		},
		async () => service.focusAreasOverview(db),
	);

	app.get<ById>(
		"/api/v1/focus-areas/:id",
		{
			schema: {
				tags: ["focus-areas"],
				summary: "One focus area",
				description: "A focus area with the organisations that work in it.",
				params: idParamsSchema,
				response: oneRecordResponses(focusAreaSchema, "The focus area"),
			},
		},
		async (req) => service.focusAreaPage(db, req.params.id),
	);
}
