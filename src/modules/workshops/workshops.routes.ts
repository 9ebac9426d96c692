import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { icsHeaders } from "../../lib/ics.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { sendTables, type TableFormat } from "../../lib/spreadsheet.js";
import { type FormState, formState } from "../../ui/forms.js";
import * as service from "./workshops.service.js";
import { FacilitatorPage, NotePage, RegistrationsPage, WorkshopAdminList, WorkshopForm, WorkshopListPage, WorkshopPage } from "./workshops.views.js";

type IdParams = { Params: { id: string } };

/** Public workshop pages and calendar, sign-up, the facilitator's note entry and the coordinator's administration. */
export async function workshopsRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db } = opts;
	const { localities } = opts.config;

	app.get("/framtidsverkstader", async (req, reply) => {
		const rows = await service.publicWorkshops(db);
		return reply.page(req.t("workshop.list.title"), (ctx) => WorkshopListPage({ ctx, rows }));
	});

	app.get("/framtidsverkstader.ics", async (req, reply) => {
		const body = await service.workshopCalendar(db, publicBaseUrl(opts.config), req.t("workshop.calendarName"));
		return reply.headers(icsHeaders("framtidsverkstader.ics")).send(body);
	});

	app.get<IdParams>("/framtidsverkstader/:id", async (req, reply) => {
		const data = await service.workshopPage(db, req.viewer, req.params.id);
		return reply.page(data.workshop.title, (ctx) => WorkshopPage({ ctx, data, form: formState() }));
	});

	app.post<IdParams>("/framtidsverkstader/:id/anmalan", async (req, reply) => {
		const result = await service.register(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/framtidsverkstader/${result.workshopId}`, "flash.registered");
		return reply.page(result.page.workshop.title, (ctx) => WorkshopPage({ ctx, data: result.page, form: result.state }), 422);
	});

	app.get<IdParams & { Querystring: { groupLabel?: string; question?: string } }>("/framtidsverkstader/:id/anteckningar", async (req, reply) => {
		const data = await service.facilitatorPage(db, req.viewer, req.params.id);
		const title = req.t("workshop.facilitate.title", { title: data.workshop.title });
		const notesForm = formState({ groupLabel: req.query.groupLabel ?? "", question: req.query.question ?? "" });
		return reply.page(title, (ctx) => FacilitatorPage({ ctx, data, notesForm, outcomeForm: data.outcome }));
	});

	app.post<IdParams>("/framtidsverkstader/:id/anteckningar", async (req, reply) => {
		const result = await service.addNotes(db, req.viewer, req.params.id, req.body);
		// The next group's notes follow at once: the group and question stay filled in.
		if (result.ok) return reply.seeOther(`/framtidsverkstader/${result.id}/anteckningar?${new URLSearchParams(result.next)}`, "flash.notesSaved");
		const data = result.page;
		const title = req.t("workshop.facilitate.title", { title: data.workshop.title });
		return reply.page(title, (ctx) => FacilitatorPage({ ctx, data, notesForm: result.state, outcomeForm: data.outcome }), 422);
	});

	type NoteParams = { Params: { id: string; noteId: string } };
	const notePage = (req: FastifyRequest, reply: FastifyReply, data: Awaited<ReturnType<typeof service.notePage>>, forms: { text?: FormState; withdraw?: FormState }, status = 200) =>
		reply.page(req.t("workshop.note.title"), (ctx) => NotePage({ ctx, data, textForm: forms.text ?? formState({ text: data.note.text }), withdrawForm: forms.withdraw ?? formState() }), status);

	app.get<NoteParams>("/framtidsverkstader/:id/anteckningar/:noteId", async (req, reply) =>
		notePage(req, reply, await service.notePage(db, req.viewer, req.params.id, req.params.noteId), {}),
	);

	app.post<NoteParams>("/framtidsverkstader/:id/anteckningar/:noteId", async (req, reply) => {
		const result = await service.correctNote(db, req.viewer, req.params.id, req.params.noteId, req.body);
		if (result.ok) return reply.seeOther(`/framtidsverkstader/${result.id}/anteckningar`, "flash.noteCorrected");
		return notePage(req, reply, result.page, { text: result.state }, 422);
	});

	app.post<NoteParams>("/framtidsverkstader/:id/anteckningar/:noteId/aterkalla", async (req, reply) => {
		const result = await service.withdrawNote(db, req.viewer, req.params.id, req.params.noteId, req.body);
		if (result.ok) return reply.seeOther(`/framtidsverkstader/${result.id}/anteckningar`, "flash.noteWithdrawn");
		return notePage(req, reply, result.page, { withdraw: result.state }, 422);
	});

	app.post<IdParams>("/framtidsverkstader/:id/resultat", async (req, reply) => {
		const result = await service.saveOutcome(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/framtidsverkstader/${result.id}/anteckningar`, "flash.outcomeSaved");
		const data = result.page;
		const title = req.t("workshop.facilitate.title", { title: data.workshop.title });
		return reply.page(title, (ctx) => FacilitatorPage({ ctx, data, notesForm: formState(), outcomeForm: result.state }), 422);
	});

	app.get<IdParams>("/framtidsverkstader/:id/anmalda", async (req, reply) => {
		const data = await service.registrationsPage(db, req.viewer, req.params.id);
		return reply.page(req.t("workshop.registrations.title", { title: data.workshop.title }), (ctx) => RegistrationsPage({ ctx, data }));
	});

	const registrations = async (req: FastifyRequest<IdParams>, reply: FastifyReply, format: TableFormat) => {
		const header = { sheet: req.t("workshop.registrations.sheet"), n: req.t("workshop.registrations.number"), name: req.t("workshop.field.name"), email: req.t("workshop.field.email"), at: req.t("workshop.registrations.at") };
		const { workshop, table } = await service.registrationsTable(db, req.viewer, req.params.id, header);
		return sendTables(reply, `anmalda-${workshop.id}`, [table], format);
	};
	app.get<IdParams>("/framtidsverkstader/:id/anmalda.xlsx", (req, reply) => registrations(req, reply, "xlsx"));
	app.get<IdParams & { Querystring: { sep?: string } }>("/framtidsverkstader/:id/anmalda.csv", (req, reply) => registrations(req, reply, req.query.sep === "semicolon" ? "csv-excel" : "csv"));

	app.get("/admin/framtidsverkstader", async (req, reply) => {
		const rows = await service.workshopsForAdmin(db, req.viewer);
		return reply.page(req.t("workshop.admin.title"), (ctx) => WorkshopAdminList({ ctx, rows }));
	});

	app.get("/admin/framtidsverkstader/ny", async (req, reply) => {
		const form = await service.newWorkshopForm(db, req.viewer, localities);
		const heading = req.t("workshop.admin.newTitle");
		return reply.page(heading, (ctx) => WorkshopForm({ ctx, form, localities, action: "/admin/framtidsverkstader/ny", heading }));
	});

	app.post("/admin/framtidsverkstader/ny", async (req, reply) => {
		const result = await service.createWorkshop(db, req.viewer, req.body, localities);
		if (result.ok) return reply.seeOther(`/admin/framtidsverkstader/${result.id}`, "flash.workshopCreated");
		const heading = req.t("workshop.admin.newTitle");
		return reply.page(heading, (ctx) => WorkshopForm({ ctx, form: result.state, localities, action: "/admin/framtidsverkstader/ny", heading }), 422);
	});

	app.get<IdParams>("/admin/framtidsverkstader/:id", async (req, reply) => {
		const { workshop, form } = await service.workshopFormFor(db, req.viewer, req.params.id, localities);
		const heading = req.t("workshop.admin.editTitle", { title: workshop.title });
		return reply.page(heading, (ctx) => WorkshopForm({ ctx, form, localities, action: `/admin/framtidsverkstader/${workshop.id}`, heading, workshopId: workshop.id }));
	});

	app.post<IdParams>("/admin/framtidsverkstader/:id", async (req, reply) => {
		const result = await service.updateWorkshop(db, req.viewer, req.params.id, req.body, localities);
		if (result.ok) return reply.seeOther(`/admin/framtidsverkstader/${result.id}`, "flash.workshopSaved");
		const heading = req.t("workshop.admin.editTitle", { title: result.workshop.title });
		const action = `/admin/framtidsverkstader/${result.workshop.id}`;
		return reply.page(heading, (ctx) => WorkshopForm({ ctx, form: result.state, localities, action, heading, workshopId: result.workshop.id }), 422);
	});
}
