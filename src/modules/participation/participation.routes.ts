import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { sendTables, type TableFormat } from "../../lib/spreadsheet.js";
import { participationTables } from "./participation.export.js";
import * as service from "./participation.service.js";
import { ParticipationPage, participationChart } from "./participation.views.js";

/** The public participation page and the coordinator's detailed view. */
export async function participationRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/delaktighet", async (req, reply) => {
		const data = await service.publicParticipation(opts.db);
		const chart = await participationChart(req.t, req.lang, data.months);
		return reply.page(req.t("participation.title"), (ctx) => ParticipationPage({ ctx, data, detailed: false, chart }));
	});

	app.get("/admin/delaktighet", async (req, reply) => {
		const data = await service.coordinatorParticipation(opts.db, req.viewer);
		const chart = await participationChart(req.t, req.lang, data.months);
		return reply.page(req.t("participation.adminTitle"), (ctx) => ParticipationPage({ ctx, data, detailed: true, chart }));
	});

	const download = async (req: FastifyRequest, reply: FastifyReply, format: TableFormat) =>
		sendTables(reply, "delaktighet", participationTables(req.t, await service.coordinatorParticipation(opts.db, req.viewer)), format);
	app.get("/admin/delaktighet.xlsx", (req, reply) => download(req, reply, "xlsx"));
	app.get("/admin/delaktighet.csv", (req, reply) => download(req, reply, "csv-excel"));
}
