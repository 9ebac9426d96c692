import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { idParamsSchema, oneRecordResponses, uuidSchema } from "../../lib/api-schema.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { sendTables, type TableFormat } from "../../lib/spreadsheet.js";
import * as service from "./initiatives.service.js";
import { InitiativeFormPage, InitiativeListPage, InitiativePage, InvitationPage } from "./initiatives.views.js";

type ById = { Params: { id: string } };

/** A joint initiative in exports and the JSON API. */
const initiativeSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "title", "description", "focusAreaId", "ownerIds", "goalIds", "createdAt", "updatedAt"],
	properties: {
		id: uuidSchema,
		title: { type: "string" },
		description: { type: "string" },
		focusAreaId: uuidSchema,
		ownerIds: { type: "array", items: uuidSchema, description: "The organisations that own the initiative together" },
		goalIds: { type: "array", items: uuidSchema, description: "The goals the initiative owns" },
		createdAt: { type: "string", format: "date-time" },
		updatedAt: { type: "string", format: "date-time" },
	},
} as const;

/** Joint initiatives: public list and page, the owners' changes and invitations, exports and JSON API. */
export async function initiativesRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;

	app.get("/initiativ", async (req, reply) => {
		const rows = await service.initiativeList(db);
		return reply.page(req.t("initiative.title"), (ctx) => InitiativeListPage({ ctx, rows }));
	});

	const download = async (req: FastifyRequest, reply: FastifyReply, format: TableFormat) => sendTables(reply, "initiativ", [await service.initiativesTable(db, req.t("initiative.title"))], format);
	app.get("/initiativ.xlsx", (req, reply) => download(req, reply, "xlsx"));
	app.get<{ Querystring: { sep?: string } }>("/initiativ.csv", (req, reply) => download(req, reply, req.query.sep === "semicolon" ? "csv-excel" : "csv"));

	app.get("/initiativ.json", async (_req, reply) => {
		const rows = await service.exportInitiatives(db);
		return reply.header("content-disposition", 'attachment; filename="initiativ.json"').send(rows);
	});

	app.get<ById>("/initiativ/:id", async (req, reply) => {
		const data = await service.initiativePage(db, req.viewer, req.params.id);
		return reply.page(data.initiative.title, (ctx) => InitiativePage({ ctx, data }));
	});

	app.get<ById>("/initiativ/:id/andra", async (req, reply) => {
		const { initiative, state } = await service.editForm(db, req.viewer, req.params.id);
		return reply.page(req.t("initiative.edit.title", { title: initiative.title }), (ctx) => InitiativeFormPage({ ctx, initiative, state }));
	});

	app.post<ById>("/initiativ/:id/andra", async (req, reply) => {
		const result = await service.updateInitiative(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/initiativ/${result.id}`, "flash.initiativeSaved");
		const { initiative, state } = result;
		return reply.page(req.t("initiative.edit.title", { title: initiative.title }), (ctx) => InitiativeFormPage({ ctx, initiative, state }), 422);
	});

	app.get<ById>("/initiativ/:id/bjud-in", async (req, reply) => {
		const form = await service.invitationForm(db, req.viewer, req.params.id);
		return reply.page(req.t("initiative.invite.title", { title: form.initiative.title }), (ctx) => InvitationPage({ ctx, form }));
	});

	app.post<ById>("/initiativ/:id/bjud-in", async (req, reply) => {
		const result = await service.invite({ db, config, baseUrl: publicBaseUrl(config), limiter: app.rateLimiter, lang: req.lang }, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/initiativ/${result.id}`, "flash.invitationSent");
		const { form } = result;
		return reply.page(req.t("initiative.invite.title", { title: form.initiative.title }), (ctx) => InvitationPage({ ctx, form }), result.status);
	});

	app.get(
		"/api/v1/initiatives",
		{
			schema: {
				tags: ["initiatives"],
				summary: "Joint initiatives",
				description: "Every joint initiative by title, with the ids of its focus area, owner organisations and goals.",
				response: { 200: { description: "The initiatives by title", type: "array", items: initiativeSchema } },
			},
		},
		async () => service.exportInitiatives(db),
	);

	app.get<ById>(
		"/api/v1/initiatives/:id",
		{
			schema: {
				tags: ["initiatives"],
				summary: "One joint initiative",
				description: "A joint initiative with the ids of its focus area, owner organisations and goals.",
				params: idParamsSchema,
				response: oneRecordResponses(initiativeSchema, "The initiative"),
			},
		},
		async (req) => service.exportInitiative(db, req.params.id),
	);
}
