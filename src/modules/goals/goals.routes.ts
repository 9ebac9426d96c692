import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import type { T } from "../../i18n/i18n.js";
import { idParamsSchema, oneRecordResponses, refSchema, uuidSchema } from "../../lib/api-schema.js";
import { sendTables, type TableFormat } from "../../lib/spreadsheet.js";
import { goalRecord, goalRecords, goalsTable } from "./goals.export.js";
import { goalStatuses } from "./goals.schema.js";
import * as service from "./goals.service.js";
import { ActivityFormPage, GoalFormPage, GoalPage, GoalsPage, StatusFormPage } from "./goals.views.js";

type ById = { Params: { id: string } };
type ByActivity = { Params: { id: string; activityId: string } };

const nullableDate = { type: ["string", "null"], format: "date" } as const;

/** A goal in the JSON API and the JSON export. */
const goalSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "title", "description", "owner", "focusAreas", "unit", "periodStart", "periodEnd", "responsible", "expectedResult", "target", "status", "statusChangedOn", "parentId", "version", "updatedAt"],
	properties: {
		id: uuidSchema,
		title: { type: "string" },
		description: { type: "string" },
		owner: {
			type: "object",
			additionalProperties: false,
			required: ["type", "id", "name"],
			description: "The organisation or joint initiative that owns the goal",
			properties: { type: { type: "string", enum: ["organisation", "initiative"] }, id: uuidSchema, name: { type: "string" } },
		},
		focusAreas: { type: "array", items: refSchema, description: "The goal's focus areas, its main area first" },
		unit: { type: "string", description: "The owner's unit the goal belongs to, or empty" },
		periodStart: { type: "string", format: "date" },
		periodEnd: { type: "string", format: "date" },
		responsible: { type: "string" },
		expectedResult: { type: "string" },
		target: {
			type: ["object", "null"],
			additionalProperties: false,
			required: ["indicatorId", "indicator", "unit", "value", "year"],
			description: "A target value on one of the programme's indicators, if set",
			properties: {
				indicatorId: uuidSchema,
				indicator: { type: "string" },
				unit: { type: "string" },
				value: { type: ["number", "null"] },
				year: { type: ["integer", "null"] },
			},
		},
		status: { type: "string", enum: [...goalStatuses] },
		statusChangedOn: nullableDate,
		parentId: { type: ["string", "null"], format: "uuid", description: "The parent goal of a sub-goal" },
		version: { type: "integer", description: "Counts the changes; every version is kept" },
		updatedAt: { type: "string", format: "date-time" },
	},
} as const;

/** Public goal pages, the owners' goal forms, exports and the JSON API. */
export async function goalsRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get<{ Querystring: service.GoalListQuery }>("/mal", async (req, reply) => {
		const data = await service.goalList(db, req.viewer, req.query);
		return reply.page(req.t("goal.list.title"), (ctx) => GoalsPage({ ctx, data }));
	});

	const download = async (req: FastifyRequest, reply: FastifyReply, format: TableFormat) => sendTables(reply, "mal", [goalsTable(await goalRecords(db), req.t("goal.list.title"))], format);
	app.get("/mal.xlsx", (req, reply) => download(req, reply, "xlsx"));
	app.get<{ Querystring: { sep?: string } }>("/mal.csv", (req, reply) => download(req, reply, req.query.sep === "semicolon" ? "csv-excel" : "csv"));

	app.get("/mal.json", async (_req, reply) => {
		return reply.header("content-disposition", 'inline; filename="mal.json"').send({ goals: await goalRecords(db) });
	});

	app.get<ById>("/mal/:id", async (req, reply) => {
		const data = await service.goalPage(db, req.viewer, req.params.id);
		return reply.page(data.goal.title, (ctx) => GoalPage({ ctx, data }));
	});

	app.post<ById>("/mal/:id/kommentarer", async (req, reply) => {
		const result = await service.addComment(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}#goal-comments`, "flash.goalCommented");
		return reply.page(result.page.goal.title, (ctx) => GoalPage({ ctx, data: result.page, commentForm: result.state }), 422);
	});

	const newTitle = (t: T, form: service.GoalForm) => t("goal.new.title", { owner: form.owner.name });

	app.get<ById>("/aktorer/:id/mal/ny", async (req, reply) => {
		const form = await service.newGoalForm(db, req.viewer, { organisationId: req.params.id });
		return reply.page(newTitle(req.t, form), (ctx) => GoalFormPage({ ctx, form, title: newTitle(ctx.t, form) }));
	});

	app.post<ById>("/aktorer/:id/mal/ny", async (req, reply) => {
		const result = await service.createGoalFor(db, req.viewer, { organisationId: req.params.id }, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}`, "flash.goalCreated");
		return reply.page(newTitle(req.t, result.form), (ctx) => GoalFormPage({ ctx, form: result.form, title: newTitle(ctx.t, result.form) }), 422);
	});

	app.get<ById>("/initiativ/:id/mal/ny", async (req, reply) => {
		const form = await service.newGoalForm(db, req.viewer, { initiativeId: req.params.id });
		return reply.page(newTitle(req.t, form), (ctx) => GoalFormPage({ ctx, form, title: newTitle(ctx.t, form) }));
	});

	app.post<ById>("/initiativ/:id/mal/ny", async (req, reply) => {
		const result = await service.createGoalFor(db, req.viewer, { initiativeId: req.params.id }, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}`, "flash.goalCreated");
		return reply.page(newTitle(req.t, result.form), (ctx) => GoalFormPage({ ctx, form: result.form, title: newTitle(ctx.t, result.form) }), 422);
	});

	const subTitle = (t: T, form: service.GoalForm) => t("goal.newSub.title", { goal: form.parents.find((p) => p.id === form.state.values.parentId)?.name ?? "" });

	app.get<ById>("/mal/:id/delmal/ny", async (req, reply) => {
		const form = await service.subGoalForm(db, req.viewer, req.params.id);
		return reply.page(subTitle(req.t, form), (ctx) => GoalFormPage({ ctx, form, title: subTitle(ctx.t, form) }));
	});

	app.post<ById>("/mal/:id/delmal/ny", async (req, reply) => {
		const result = await service.createSubGoal(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}`, "flash.goalCreated");
		return reply.page(subTitle(req.t, result.form), (ctx) => GoalFormPage({ ctx, form: result.form, title: subTitle(ctx.t, result.form) }), 422);
	});

	app.get<ById>("/mal/:id/andra", async (req, reply) => {
		const form = await service.editGoalForm(db, req.viewer, req.params.id);
		const title = req.t("goal.edit.title", { goal: form.goal!.title });
		return reply.page(title, (ctx) => GoalFormPage({ ctx, form, title }));
	});

	app.post<ById>("/mal/:id/andra", async (req, reply) => {
		const result = await service.updateGoal(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}`, "flash.goalSaved");
		const title = req.t("goal.edit.title", { goal: result.form.goal!.title });
		return reply.page(title, (ctx) => GoalFormPage({ ctx, form: result.form, title }), 422);
	});

	app.get<ById>("/mal/:id/status", async (req, reply) => {
		const { goal, state } = await service.statusForm(db, req.viewer, req.params.id);
		return reply.page(req.t("goal.status.title", { goal: goal.title }), (ctx) => StatusFormPage({ ctx, goal, state }));
	});

	app.post<ById>("/mal/:id/status", async (req, reply) => {
		const result = await service.changeGoalStatus(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}`, "flash.goalStatus");
		return reply.page(req.t("goal.status.title", { goal: result.goal.title }), (ctx) => StatusFormPage({ ctx, goal: result.goal, state: result.state }), 422);
	});

	app.get<ById>("/mal/:id/aktiviteter/ny", async (req, reply) => {
		const form = await service.activityForm(db, req.viewer, req.params.id, null);
		return reply.page(req.t("goal.activity.new", { goal: form.goal.title }), (ctx) => ActivityFormPage({ ctx, ...form }));
	});

	app.post<ById>("/mal/:id/aktiviteter/ny", async (req, reply) => {
		const result = await service.saveGoalActivity(db, req.viewer, req.params.id, null, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}#goal-activities`, "flash.activitySaved");
		return reply.page(req.t("goal.activity.new", { goal: result.goal.title }), (ctx) => ActivityFormPage({ ctx, ...result }), 422);
	});

	app.get<ByActivity>("/mal/:id/aktiviteter/:activityId/andra", async (req, reply) => {
		const form = await service.activityForm(db, req.viewer, req.params.id, req.params.activityId);
		return reply.page(req.t("goal.activity.edit", { activity: form.activity!.title }), (ctx) => ActivityFormPage({ ctx, ...form }));
	});

	app.post<ByActivity>("/mal/:id/aktiviteter/:activityId/andra", async (req, reply) => {
		const result = await service.saveGoalActivity(db, req.viewer, req.params.id, req.params.activityId, req.body);
		if (result.ok) return reply.seeOther(`/mal/${result.id}#goal-activities`, "flash.activitySaved");
		return reply.page(req.t("goal.activity.edit", { activity: result.activity!.title }), (ctx) => ActivityFormPage({ ctx, ...result }), 422);
	});

	app.get(
		"/api/v1/goals",
		{
			schema: {
				tags: ["goals"],
				summary: "All goals",
				description: "Every goal of the programme, by title, with owner, focus areas, period, target and status. All goals are public.",
				response: { 200: { description: "The goals", type: "array", items: goalSchema } },
			},
		},
		async () => goalRecords(db),
	);

	app.get<ById>(
		"/api/v1/goals/:id",
		{
			schema: {
				tags: ["goals"],
				summary: "One goal",
				description: "A goal with owner, focus areas, period, target and status.",
				params: idParamsSchema,
				response: oneRecordResponses(goalSchema, "The goal"),
			},
		},
		async (req) => goalRecord(db, req.params.id),
	);
}
