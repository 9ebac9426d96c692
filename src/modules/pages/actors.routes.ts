import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { idParamsSchema, oneRecordResponses } from "../../lib/api-schema.js";
import { adoptionSchema } from "../decisions/index.js";
import { organisationProperties, organisationRequired } from "../organisations/index.js";
import { actorsPageData, organisationWithAdoption } from "./actors.page.js";
import { ActorsPage } from "./actors.page.views.js";

/** An organisation's profile in the JSON API: the organisation and its standing adoption of the vision. */
const profileSchema = {
	type: "object",
	additionalProperties: false,
	required: [...organisationRequired, "adoption"],
	properties: {
		...organisationProperties,
		adoption: { anyOf: [adoptionSchema, { type: "null" }], description: "The organisation's adoption of the vision, null when it has none" },
	},
} as const;

/** The actors page and one organisation's profile in the API, both with the adoptions of the vision. */
export async function actorsRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/aktorer", async (req, reply) => {
		const data = await actorsPageData(opts.db);
		return reply.page(req.t("organisation.title"), (ctx) => ActorsPage({ ctx, ...data }));
	});

	app.get<{ Params: { id: string } }>(
		"/api/v1/organisations/:id",
		{
			schema: {
				tags: ["organisations"],
				summary: "One organisation",
				description: "An organisation's public profile: its record, focus areas and standing adoption of the vision.",
				params: idParamsSchema,
				response: oneRecordResponses(profileSchema, "The organisation's profile"),
			},
		},
		async (req) => organisationWithAdoption(opts.db, req.viewer, req.params.id),
	);
}
