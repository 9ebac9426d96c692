import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { refSchema, uuidSchema } from "../../lib/api-schema.js";
import * as service from "./decisions.service.js";

/** An adoption in the JSON API. */
export const adoptionSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "organisation", "decidedOn", "body", "reference"],
	properties: {
		id: uuidSchema,
		organisation: { ...refSchema, description: "The organisation that adopted the vision" },
		decidedOn: { type: "string", format: "date", description: "Date of the decision" },
		body: { type: "string", description: "The body that decided, e.g. Kommunfullmäktige" },
		reference: { type: "string", description: "The decision's reference (diary number or paragraph); may be empty" },
	},
} as const;

/** Read-only JSON API of the adoptions of the vision. */
export async function decisionsRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get(
		"/api/v1/adoptions",
		{
			schema: {
				tags: ["adoptions"],
				summary: "Organisations that stand behind the vision",
				description: "Adoptions of the programme's vision that have not been withdrawn, oldest decision first.",
				response: { 200: { description: "The standing adoptions", type: "array", items: adoptionSchema } },
			},
		},
		async () => service.standingAdoptions(opts.db),
	);
}
