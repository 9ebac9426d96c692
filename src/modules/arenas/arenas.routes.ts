import type { FastifyInstance } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { idParamsSchema, oneRecordResponses, uuidSchema } from "../../lib/api-schema.js";
import { calendar, icsHeaders } from "../../lib/ics.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { checkedValues } from "../focus-areas/index.js";
import { workshopEvents } from "../workshops/index.js";
import { choiceFields } from "./arenas.input.js";
import * as service from "./arenas.service.js";
import { ArenaListPage, ArenaPage, ChooseAreaPage, MeetingFormPage } from "./arenas.views.js";

type ById = { Params: { id: string } };
type InArea = { Querystring: { omrade?: string } };

const ids = (description: string) => ({ type: "array", items: uuidSchema, description }) as const;

/** An arena meeting in the JSON API. */
const meetingSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "title", "focusAreaId", "startsAt", "endsAt", "place", "agenda", "notes", "organisationIds", "goalIds", "initiativeIds"],
	properties: {
		id: uuidSchema,
		title: { type: "string" },
		focusAreaId: uuidSchema,
		startsAt: { type: "string", format: "date-time", description: "Start, in UTC" },
		endsAt: { type: "string", format: "date-time", description: "End, in UTC" },
		place: { type: "string" },
		agenda: { type: "string" },
		notes: { type: "string", description: "Notes written after the meeting" },
		organisationIds: ids("Organisations that took part"),
		goalIds: ids("Goals the meeting dealt with"),
		initiativeIds: ids("Joint initiatives the meeting dealt with"),
	},
} as const;

/** The boxes ticked in the meeting form's three groups. */
function chosen(body: unknown) {
	return {
		organisations: checkedValues(body, choiceFields.organisations),
		goals: checkedValues(body, choiceFields.goals),
		initiatives: checkedValues(body, choiceFields.initiatives),
	};
}

/** Arena meetings: public list and pages, planning and notes, calendar feeds and JSON API. */
export async function arenasRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;

	app.get("/arenor", async (req, reply) => {
		const data = await service.arenaList(db, req.viewer);
		return reply.page(req.t("arena.title"), (ctx) => ArenaListPage({ ctx, data }));
	});

	app.get("/arenor.ics", async (req, reply) => {
		const events = await service.arenaEvents(db, publicBaseUrl(config));
		return reply.headers(icsHeaders("arenor.ics")).send(calendar(req.t("arena.calendarName"), events));
	});

	app.get("/kalender.ics", async (req, reply) => {
		const base = publicBaseUrl(config);
		const [workshops, meetings] = await Promise.all([workshopEvents(db, base), service.arenaEvents(db, base)]);
		return reply.headers(icsHeaders("kalender.ics")).send(calendar(req.t("arena.programmeCalendarName"), [...workshops, ...meetings]));
	});

	app.get<InArea>("/arenor/ny", async (req, reply) => {
		const page = await service.newMeetingPage(db, req.viewer, req.query.omrade);
		if ("areas" in page) return reply.page(req.t("arena.new.title"), (ctx) => ChooseAreaPage({ ctx, areas: page.areas }));
		return reply.page(req.t("arena.new.inArea", { area: page.form.focusArea.name }), (ctx) => MeetingFormPage({ ctx, form: page.form }));
	});

	app.post<InArea>("/arenor/ny", async (req, reply) => {
		const result = await service.createMeeting(db, req.viewer, req.query.omrade, req.body, chosen(req.body));
		if (result.ok) return reply.seeOther(`/arenor/${result.id}`, "flash.arenaMeetingCreated");
		return reply.page(req.t("arena.new.inArea", { area: result.form.focusArea.name }), (ctx) => MeetingFormPage({ ctx, form: result.form }), 422);
	});

	app.get<ById>("/arenor/:id", async (req, reply) => {
		const data = await service.arenaPage(db, req.viewer, req.params.id);
		return reply.page(data.meeting.title, (ctx) => ArenaPage({ ctx, data }));
	});

	app.get<ById>("/arenor/:id/andra", async (req, reply) => {
		const form = await service.editMeetingPage(db, req.viewer, req.params.id);
		return reply.page(req.t("arena.edit.title", { title: form.meeting!.title }), (ctx) => MeetingFormPage({ ctx, form }));
	});

	app.post<ById>("/arenor/:id/andra", async (req, reply) => {
		const result = await service.updateMeeting(db, req.viewer, req.params.id, req.body, chosen(req.body));
		if (result.ok) return reply.seeOther(`/arenor/${result.id}`, "flash.arenaMeetingSaved");
		return reply.page(req.t("arena.edit.title", { title: result.form.meeting!.title }), (ctx) => MeetingFormPage({ ctx, form: result.form }), 422);
	});

	app.get(
		"/api/v1/arena-meetings",
		{
			schema: {
				tags: ["arenas"],
				summary: "Arena meetings",
				description: "Every arena meeting of the programme in time order, with the ids of the organisations that took part and of the goals and joint initiatives it dealt with.",
				response: { 200: { description: "The meetings in time order", type: "array", items: meetingSchema } },
			},
		},
		async () => service.apiMeetings(db),
	);

	app.get<ById>(
		"/api/v1/arena-meetings/:id",
		{
			schema: {
				tags: ["arenas"],
				summary: "One arena meeting",
				description: "An arena meeting with its agenda, notes, participating organisations and what it dealt with.",
				params: idParamsSchema,
				response: oneRecordResponses(meetingSchema, "The meeting"),
			},
		},
		async (req) => service.apiMeeting(db, req.params.id),
	);
}
