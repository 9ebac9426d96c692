import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { idParamsSchema, oneRecordResponses, refSchema, uuidSchema } from "../../lib/api-schema.js";
import { parseForm } from "../../ui/forms.js";
import { adoptionSchema } from "../decisions/index.js";
import { organisationInput, organisationTypes } from "./organisations.input.js";
import * as service from "./organisations.service.js";
import { ActorsPage, AdminOrganisationsPage, OrganisationFormPage, ProfilePage } from "./organisations.views.js";

type ById = { Params: { id: string } };

const organisationProperties = {
	id: uuidSchema,
	name: { type: "string" },
	type: { type: "string", enum: [...organisationTypes] },
	orgNumber: { type: ["string", "null"], pattern: "^\\d{6}-\\d{4}$", description: "Swedish organisation number, NNNNNN-NNNN" },
	description: { type: "string" },
	website: { type: ["string", "null"], format: "uri" },
	focusAreas: { type: "array", items: refSchema, description: "Focus areas the organisation works in, in the programme's order" },
} as const;
const organisationRequired = ["id", "name", "type", "orgNumber", "description", "website", "focusAreas"];

/** An organisation in the JSON API's list. */
const organisationSchema = { type: "object", additionalProperties: false, required: organisationRequired, properties: organisationProperties } as const;

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

/** Public pages, coordinator administration and JSON API of the organisations (actors). */
export async function organisationsRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/aktorer", async (req, reply) => {
		const data = await service.actorsPage(db);
		return reply.page(req.t("organisation.title"), (ctx) => ActorsPage({ ctx, ...data }));
	});

	app.get<ById>("/aktorer/:id", async (req, reply) => {
		const profile = await service.organisationProfile(db, req.params.id);
		return reply.page(profile.name, (ctx) => ProfilePage({ ctx, profile }));
	});

	app.get("/admin/organisations", async (req, reply) => {
		const organisations = await service.adminOrganisations(db, req.viewer);
		return reply.page(req.t("organisation.admin.title"), (ctx) => AdminOrganisationsPage({ ctx, organisations }));
	});

	app.get("/admin/organisations/new", async (req, reply) => {
		const form = await service.organisationForm(db, req.viewer, null);
		return reply.page(req.t("organisation.admin.new"), (ctx) => OrganisationFormPage({ ctx, form }));
	});

	app.post("/admin/organisations/new", async (req, reply) => {
		const result = await service.saveOrganisation(db, req.viewer, null, parseForm(organisationInput, req.body));
		if (result.ok) return reply.seeOther("/admin/organisations", "flash.created");
		return reply.page(req.t("organisation.admin.new"), (ctx) => OrganisationFormPage({ ctx, form: result.form }), 422);
	});

	app.get<ById>("/admin/organisations/:id/edit", async (req, reply) => {
		const form = await service.organisationForm(db, req.viewer, req.params.id);
		return reply.page(req.t("organisation.admin.edit", { name: form.organisation!.name }), (ctx) => OrganisationFormPage({ ctx, form }));
	});

	app.post<ById>("/admin/organisations/:id/edit", async (req, reply) => {
		const result = await service.saveOrganisation(db, req.viewer, req.params.id, parseForm(organisationInput, req.body));
		if (result.ok) return reply.seeOther("/admin/organisations", "flash.saved");
		const title = req.t("organisation.admin.edit", { name: result.form.organisation!.name });
		return reply.page(title, (ctx) => OrganisationFormPage({ ctx, form: result.form }), 422);
	});

	app.get(
		"/api/v1/organisations",
		{
			schema: {
				tags: ["organisations"],
				summary: "Organisations taking part",
				description: "Every organisation (actor) taking part in the programme, by name, with the focus areas it works in.",
				response: { 200: { description: "The organisations by name", type: "array", items: organisationSchema } },
			},
		},
		async () => service.publicOrganisations(db),
	);

	app.get<ById>(
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
		async (req) => service.organisationProfile(db, req.params.id),
	);
}
