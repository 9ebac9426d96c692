import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { sendTables } from "../../lib/spreadsheet.js";
import { errorSchema } from "../../lib/api-schema.js";
import { inputSources } from "./inputs.schema.js";
import * as service from "./inputs.service.js";
import { InputsPage } from "./inputs.views.js";

const inputJson = {
	type: "object",
	required: ["id", "source", "sourceId", "text", "occurredOn", "locality", "ageBand", "focusAreaId", "hidden"],
	properties: {
		id: { type: "string", format: "uuid", description: "Stable id of the input." },
		source: { type: "string", enum: [...inputSources] },
		sourceId: { type: "string", description: "Id of the survey answer, workshop note, idea or comment." },
		text: { type: "string" },
		occurredOn: { type: "string", format: "date" },
		locality: { type: ["string", "null"] },
		ageBand: { type: ["string", "null"] },
		focusAreaId: { type: ["string", "null"] },
		hidden: { type: "boolean", description: "True when the idea or comment was hidden by moderation." },
	},
} as const;

/** The coordinator's pool of inputs: list and search, CSV export and the JSON API. */
export async function inputsRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/admin/inspel", async (req, reply) => {
		const data = await service.inputsPage(db, req.viewer, req.query);
		return reply.page(req.t("input.title"), (ctx) => InputsPage({ ctx, data }));
	});

	app.get("/admin/inspel.csv", async (req, reply) => {
		const { semicolon, table } = await service.inputsTable(db, req.viewer, req.query);
		return sendTables(reply, "inspel", [table], semicolon ? "csv-excel" : "csv");
	});

	app.get("/admin/inspel.xlsx", async (req, reply) => sendTables(reply, "inspel", [(await service.inputsTable(db, req.viewer, req.query)).table], "xlsx"));

	app.get(
		"/api/v1/inputs",
		{
			schema: {
				tags: ["inputs"],
				summary: "The pool of inputs (coordinators only: it holds survey answers, which are not public)",
				querystring: {
					type: "object",
					properties: {
						q: { type: "string", description: "Swedish full-text search" },
						source: { type: "string" },
						locality: { type: "string" },
						focusAreaId: { type: "string" },
					},
				},
				response: { 200: { type: "array", items: inputJson }, 401: errorSchema, 403: errorSchema },
			},
		},
		async (req, reply) => {
			const { rows } = await service.exportInputs(db, req.viewer, req.query);
			reply.header("cache-control", "no-store");
			return rows.map(({ focusAreaName: _name, ...r }) => r);
		},
	);
}
