import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { refSchema, uuidSchema } from "../../lib/api-schema.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { formState, parseForm } from "../../ui/forms.js";
import { checkedValues } from "../focus-areas/index.js";
import * as contact from "./organisations.contact.service.js";
import { areasField, declineInput, joinInput, organisationInput, organisationTypes } from "./organisations.input.js";
import * as service from "./organisations.service.js";
import {
	AdminOrganisationsPage,
	ContactFormPage,
	DeclinePage,
	JoinPage,
	OrganisationFormPage,
	ProfileFormPage,
	ProfilePage,
} from "./organisations.views.js";
import * as workspace from "./organisations.workspace.service.js";
import { InvitationPage, WorkspacePage } from "./organisations.workspace.views.js";

type ById = { Params: { id: string } };
type ByMember = { Params: { id: string; userId: string } };
type ByInvitation = { Params: { id: string; invitationId: string } };
type ByToken = { Params: { token: string } };

/** An organisation in the JSON API, for the list here and the profile the composition layer serves. */
export const organisationProperties = {
	id: uuidSchema,
	name: { type: "string" },
	type: { type: "string", enum: [...organisationTypes] },
	orgNumber: { type: ["string", "null"], pattern: "^\\d{6}-\\d{4}$", description: "Swedish organisation number, NNNNNN-NNNN" },
	description: { type: "string" },
	website: { type: ["string", "null"], format: "uri" },
	focusAreas: { type: "array", items: refSchema, description: "Focus areas the organisation works in, in the programme's order" },
} as const;
export const organisationRequired = ["id", "name", "type", "orgNumber", "description", "website", "focusAreas"];

/** An organisation in the JSON API's list. */
const organisationSchema = { type: "object", additionalProperties: false, required: organisationRequired, properties: organisationProperties } as const;

export async function organisationsRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;
	const deps = { db, config, limiter: app.rateLimiter };
	const mailRequest = (req: FastifyRequest) => ({ t: req.t, lang: req.lang, base: publicBaseUrl(config) });

	app.get("/aktorer/anslut", async (req, reply) => {
		service.joinForm(req.viewer);
		return reply.page(req.t("organisation.join.title"), (ctx) => JoinPage({ ctx, state: formState() }));
	});

	app.post("/aktorer/anslut", async (req, reply) => {
		const result = await service.joinProgramme(deps, req.viewer, parseForm(joinInput, req.body), mailRequest(req));
		if (result.ok) return reply.seeOther(`/aktorer/${result.id}/hantera`, "flash.organisationJoined");
		return reply.page(req.t("organisation.join.title"), (ctx) => JoinPage({ ctx, state: result.state }), result.status);
	});

	app.get<ById>("/aktorer/:id", async (req, reply) => {
		const { profile, ...extras } = await service.profilePage(db, req.viewer, req.params.id);
		return reply.page(profile.name, (ctx) => ProfilePage({ ctx, profile, extras }));
	});

	app.get<ById>("/aktorer/:id/kontakt", async (req, reply) => {
		const page = await contact.contactPage(deps, req.viewer, req.params.id);
		return reply.page(req.t("organisation.contact.title", { name: page.organisation.name }), (ctx) => ContactFormPage({ ctx, page, state: formState() }));
	});

	app.post<ById>("/aktorer/:id/kontakt", async (req, reply) => {
		const result = await contact.sendContactMessage(deps, req.viewer, req.params.id, req.body, mailRequest(req));
		if (result.ok) return reply.seeOther(`/aktorer/${result.organisationId}`, "flash.contactSent");
		const title = req.t("organisation.contact.title", { name: result.page.organisation.name });
		return reply.page(title, (ctx) => ContactFormPage({ ctx, page: result.page, state: result.state }), result.status);
	});

	const workspaceTitle = (req: FastifyRequest, page: workspace.Workspace) => req.t("organisation.workspace.title", { name: page.organisation.name });
	// After a change in the workspace: back to it with a message, or the workspace again with the form that failed.
	const changed = (result: workspace.Changed, req: FastifyRequest, reply: FastifyReply, flash: string) =>
		result.ok
			? reply.seeOther(`/aktorer/${result.organisationId}/hantera`, flash)
			: reply.page(workspaceTitle(req, result.page), (ctx) => WorkspacePage({ ctx, page: result.page, forms: result.forms }), result.status);

	app.get<ById>("/aktorer/:id/hantera", async (req, reply) => {
		const page = await workspace.workspacePage(db, req.viewer, req.params.id);
		return reply.page(workspaceTitle(req, page), (ctx) => WorkspacePage({ ctx, page }));
	});

	const profileTitle = (req: FastifyRequest, form: workspace.ProfileForm) => req.t("organisation.profileForm.title", { name: form.organisation.name });

	app.get<ById>("/aktorer/:id/hantera/uppgifter", async (req, reply) => {
		const form = await workspace.profileForm(db, req.viewer, req.params.id);
		return reply.page(profileTitle(req, form), (ctx) => ProfileFormPage({ ctx, form }));
	});

	app.post<ById>("/aktorer/:id/hantera/uppgifter", async (req, reply) => {
		const result = await workspace.updateProfile(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/aktorer/${result.organisationId}`, "flash.organisationProfileSaved");
		return reply.page(profileTitle(req, result.form), (ctx) => ProfileFormPage({ ctx, form: result.form }), 422);
	});

	app.post<ById>("/aktorer/:id/inbjudningar", async (req, reply) =>
		changed(await workspace.invite(deps, req.viewer, req.params.id, req.body, mailRequest(req)), req, reply, "flash.memberInvited"),
	);

	app.post<ByInvitation>("/aktorer/:id/inbjudningar/:invitationId/aterkalla", async (req, reply) => {
		const id = await workspace.revokeInvitation(db, req.viewer, req.params.id, req.params.invitationId);
		return reply.seeOther(`/aktorer/${id}/hantera`, "flash.invitationRevoked");
	});

	app.post<ByMember>("/aktorer/:id/medlemmar/:userId/roll", async (req, reply) =>
		changed(await workspace.changeRole(db, req.viewer, req.params.id, req.params.userId, req.body), req, reply, "flash.memberRoleChanged"),
	);

	app.post<ByMember>("/aktorer/:id/medlemmar/:userId/ta-bort", async (req, reply) => {
		const result = await workspace.removeMember(db, req.viewer, req.params.id, req.params.userId);
		if (result.ok && result.self) return reply.seeOther(`/aktorer/${result.organisationId}`, "flash.leftOrganisation");
		return changed(result, req, reply, "flash.memberRemoved");
	});

	app.post<ById>("/aktorer/:id/kontaktperson", async (req, reply) =>
		changed(await workspace.setContactPerson(db, req.viewer, req.params.id, req.body), req, reply, "flash.contactPersonSaved"),
	);

	app.post<ById>("/aktorer/:id/fokusomraden", async (req, reply) =>
		changed(await workspace.chooseFocusAreas(db, req.viewer, req.params.id, checkedValues(req.body, areasField)), req, reply, "flash.organisationFocusAreasSaved"),
	);

	const invitationPage = (req: FastifyRequest<ByToken>, reply: FastifyReply, view: workspace.InvitationView, openStatus: number) => {
		const title = view.kind === "open" ? req.t("organisation.invitation.title", { name: view.organisationName }) : req.t("organisation.invitation.goneTitle");
		const status = view.kind === "open" ? openStatus : view.reason === "unknown" ? 404 : 410;
		return reply.page(title, (ctx) => InvitationPage({ ctx, view, token: req.params.token }), status);
	};

	app.get<ByToken>("/inbjudan/:token", async (req, reply) => invitationPage(req, reply, await workspace.invitationPage(db, req.viewer, req.params.token), 200));

	app.post<ByToken>("/inbjudan/:token", async (req, reply) => {
		const result = await workspace.acceptInvitation(db, req.viewer, req.params.token);
		if (result.ok) return reply.seeOther(`/aktorer/${result.organisationId}/hantera`, "flash.invitationAccepted");
		return invitationPage(req, reply, result.view, 403);
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
		if (result.ok) return reply.seeOther("/admin/organisations", "flash.organisationCreated");
		return reply.page(req.t("organisation.admin.new"), (ctx) => OrganisationFormPage({ ctx, form: result.form }), 422);
	});

	app.post<ById>("/admin/organisations/:id/approve", async (req, reply) => {
		await service.approveOrganisation(deps, req.viewer, req.params.id, mailRequest(req));
		return reply.seeOther("/admin/organisations", "flash.organisationApproved");
	});

	const declineTitle = (req: FastifyRequest, form: service.DeclineForm) => req.t("organisation.decline.title", { name: form.organisation.name });

	app.get<ById>("/admin/organisations/:id/decline", async (req, reply) => {
		const form = await service.declineForm(db, req.viewer, req.params.id);
		return reply.page(declineTitle(req, form), (ctx) => DeclinePage({ ctx, form }));
	});

	app.post<ById>("/admin/organisations/:id/decline", async (req, reply) => {
		const result = await service.declineOrganisation(deps, req.viewer, req.params.id, parseForm(declineInput, req.body), mailRequest(req));
		if (result.ok) return reply.seeOther("/admin/organisations", "flash.organisationDeclined");
		return reply.page(declineTitle(req, result.form), (ctx) => DeclinePage({ ctx, form: result.form }), 422);
	});

	app.get<ById>("/admin/organisations/:id/edit", async (req, reply) => {
		const form = await service.organisationForm(db, req.viewer, req.params.id);
		return reply.page(req.t("organisation.admin.edit", { name: form.organisation!.name }), (ctx) => OrganisationFormPage({ ctx, form }));
	});

	app.post<ById>("/admin/organisations/:id/edit", async (req, reply) => {
		const result = await service.saveOrganisation(db, req.viewer, req.params.id, parseForm(organisationInput, req.body));
		if (result.ok) return reply.seeOther("/admin/organisations", "flash.organisationSaved");
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
}
