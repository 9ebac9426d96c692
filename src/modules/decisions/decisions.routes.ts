import multipart from "@fastify/multipart";
import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { refSchema, uuidSchema } from "../../lib/api-schema.js";
import { formatDate, type Lang, type T, todayInSweden } from "../../i18n/i18n.js";
import { formState } from "../../ui/forms.js";
import * as admin from "./decisions.admin.service.js";
import { AdoptionsAdminPage, DecisionsAdminPage, HandoverPage, ItemAdminPage, type ItemForms, MeetingAdminPage } from "./decisions.admin.views.js";
import { extractPdf } from "./decisions.pdf.js";
import { multipartOptions } from "./decisions.uploads.js";
import * as service from "./decisions.service.js";
import { AdoptionsPage, ExtractPage, ItemPage, MeetingPage, MeetingsPage, meetingHeading } from "./decisions.views.js";

type IdParams = { Params: { id: string } };

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

/** Public pages of decisions and adoptions, the officials' administration of them, and the adoptions' JSON API. */
export async function decisionsRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/beslut", async (req, reply) => {
		const meetings = await service.meetingsPage(db);
		return reply.page(req.t("decisions.title"), (ctx) => MeetingsPage({ ctx, meetings }));
	});

	app.get<IdParams>("/beslut/sammantraden/:id", async (req, reply) => {
		const data = await service.meetingPage(db, req.viewer, req.params.id);
		return reply.page(meetingHeading(req, data.meeting), (ctx) => MeetingPage({ ctx, ...data }));
	});

	app.get<IdParams>("/beslut/paragrafer/:id", async (req, reply) => {
		const data = await service.itemPage(db, req.viewer, req.params.id);
		return reply.page(req.t("decisions.item.heading", { paragraph: data.item.paragraph, title: data.item.title }), (ctx) => ItemPage({ ctx, data }));
	});

	app.get<IdParams>("/beslut/paragrafer/:id/utdrag", async (req, reply) => {
		const data = await service.itemPage(db, req.viewer, req.params.id);
		return reply.page(req.t("decisions.extract.title"), (ctx) => ExtractPage({ ctx, data, today: todayInSweden() }));
	});

	app.get<IdParams>("/beslut/paragrafer/:id/utdrag.pdf", async (req, reply) => {
		const data = await service.itemPage(db, req.viewer, req.params.id);
		const pdf = await extractPdf(data, req.t, req.lang, todayInSweden());
		const name = `utdrag-${data.item.caseNumber || "protokoll"}-${data.item.paragraph}.pdf`.replace(/[^\p{L}\p{N}.-]+/gu, "-");
		return reply.type("application/pdf").header("content-disposition", contentDisposition(name)).send(pdf);
	});

	app.get<IdParams>("/beslut/underlag/:id", async (req, reply) => {
		const file = await service.documentFile(db, req.viewer, req.params.id);
		// Never served as the uploader said it was: a download of bytes, so a file cannot run as a page here.
		return reply
			.type("application/octet-stream")
			.header("x-content-type-options", "nosniff")
			.header("content-disposition", contentDisposition(file.fileName))
			.send(file.data);
	});

	app.get("/visionen/antaganden", async (req, reply) => {
		const data = await service.adoptionsPage(db);
		return reply.page(req.t("adoptions.title"), (ctx) => AdoptionsPage({ ctx, data }));
	});

	const adminTitle = "decisions.admin.title";
	app.get("/admin/beslut", async (req, reply) => {
		const data = await admin.decisionsAdmin(db, req.viewer);
		return reply.page(req.t(adminTitle), (ctx) => DecisionsAdminPage({ ctx, data, bodyForm: formState(), meetingForm: formState() }));
	});

	app.post("/admin/beslut/organ", async (req, reply) => {
		const result = await admin.createBody(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/beslut", "flash.bodyCreated");
		const data = await admin.decisionsAdmin(db, req.viewer);
		return reply.page(req.t(adminTitle), (ctx) => DecisionsAdminPage({ ctx, data, bodyForm: result.state, meetingForm: formState() }), 422);
	});

	app.post("/admin/beslut/sammantraden", async (req, reply) => {
		const result = await admin.createMeeting(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther(`/admin/beslut/sammantraden/${result.id}`, "flash.meetingCreated");
		const data = await admin.decisionsAdmin(db, req.viewer);
		return reply.page(req.t(adminTitle), (ctx) => DecisionsAdminPage({ ctx, data, bodyForm: formState(), meetingForm: result.state }), 422);
	});

	app.post("/admin/beslut/visionsorgan", async (req, reply) => {
		const result = await admin.nameVisionBody(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/beslut", "flash.visionBodySaved");
		const data = await admin.decisionsAdmin(db, req.viewer);
		return reply.page(req.t(adminTitle), (ctx) => DecisionsAdminPage({ ctx, data, bodyForm: formState(), meetingForm: formState(), visionBodyForm: result.state }), 422);
	});

	const meetingTitle = (req: { t: T; lang: Lang }, m: { bodyName: string; heldOn: string }) =>
		req.t("decisions.admin.meetingTitle", { body: m.bodyName, date: formatDate(req.lang, m.heldOn) });

	app.get<IdParams>("/admin/beslut/sammantraden/:id", async (req, reply) => {
		const data = await admin.meetingForAdmin(db, req.viewer, req.params.id);
		return reply.page(meetingTitle(req, data.meeting), (ctx) => MeetingAdminPage({ ctx, data, form: formState({ decidedOn: data.meeting.heldOn }) }));
	});

	app.post<IdParams>("/admin/beslut/sammantraden/:id/paragrafer", async (req, reply) => {
		const result = await admin.createItem(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/admin/beslut/paragrafer/${result.id}`, "flash.itemCreated");
		return reply.page(meetingTitle(req, result.meeting), (ctx) => MeetingAdminPage({ ctx, data: result, form: result.state }), 422);
	});

	const itemTitle = (req: { t: T }, i: { paragraph: number; title: string }) =>
		req.t("decisions.admin.itemTitle", { paragraph: i.paragraph, title: i.title });

	app.get<IdParams>("/admin/beslut/paragrafer/:id", async (req, reply) => {
		const data = await admin.itemForAdmin(db, req.viewer, req.params.id);
		return reply.page(itemTitle(req, data.item), (ctx) => ItemAdminPage({ ctx, data, forms: {} }));
	});

	// Each form of the item page posts to its own address; a failed one is shown again in place.
	const itemForm = (scope: FastifyInstance, path: string, form: keyof ItemForms, save: typeof admin.addMotion, flash: string) =>
		scope.post<IdParams>(`/admin/beslut/paragrafer/:id/${path}`, async (req, reply) => {
			const result = await save(db, req.viewer, req.params.id, req.body);
			if (result.ok) return reply.seeOther(`/admin/beslut/paragrafer/${result.id}`, flash);
			return reply.page(itemTitle(req, result.item), (ctx) => ItemAdminPage({ ctx, data: result, forms: { [form]: result.state } }), 422);
		});
	itemForm(app, "yrkanden", "motion", admin.addMotion, "flash.motionAdded");
	itemForm(app, "underlag", "document", admin.addDocumentLink, "flash.basisAdded");
	itemForm(app, "kopplingar", "link", admin.addLink, "flash.itemLinked");
	itemForm(app, "rattelse", "correct", admin.correctItem, "flash.itemCorrected");
	// The one form that takes a file: only its route parses multipart, so every other route refuses an upload (415)
	// before reading it.
	await app.register(async (uploads) => {
		await uploads.register(multipart, multipartOptions);
		itemForm(uploads, "fil", "file", admin.addDocumentFile, "flash.basisAdded");
	});

	app.get("/admin/antaganden", async (req, reply) => {
		const data = await admin.adoptionsAdmin(db, req.viewer);
		return reply.page(req.t("decisions.admin.adoptions"), (ctx) => AdoptionsAdminPage({ ctx, data, form: formState() }));
	});

	app.post("/admin/antaganden", async (req, reply) => {
		const result = await admin.recordAdoption(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/antaganden", "flash.adoptionRecorded");
		return reply.page(req.t("decisions.admin.adoptions"), (ctx) => AdoptionsAdminPage({ ctx, data: result, form: result.state }), 422);
	});

	app.post<IdParams>("/admin/antaganden/:id/aterkalla", async (req, reply) => {
		const result = await admin.withdrawAdoption(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther("/admin/antaganden", "flash.adoptionWithdrawn");
		const withdrawal = { id: req.params.id, state: result.state };
		return reply.page(req.t("decisions.admin.adoptions"), (ctx) => AdoptionsAdminPage({ ctx, data: result, form: formState(), withdrawal }), 422);
	});

	app.get("/admin/samordnare", async (req, reply) => {
		const data = await admin.handoverPage(db, req.viewer);
		return reply.page(req.t("decisions.admin.handover"), (ctx) => HandoverPage({ ctx, data, form: formState() }));
	});

	app.post("/admin/samordnare", async (req, reply) => {
		const result = await admin.handOver(db, req.viewer, req.body);
		// The person handing over may have just lost the right to the administration.
		if (result.ok) return reply.seeOther("/", "flash.coordinationHandedOver");
		return reply.page(req.t("decisions.admin.handover"), (ctx) => HandoverPage({ ctx, data: result, form: result.state }), 422);
	});

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
