import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import * as service from "./participation.service.js";
import { ParticipationPage } from "./participation.views.js";

/** The public participation page and the coordinator's detailed view. */
export async function participationRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/delaktighet", async (req, reply) => {
		const data = await service.publicParticipation(opts.db);
		return reply.page(req.t("participation.title"), (ctx) => ParticipationPage({ ctx, data, detailed: false }));
	});

	app.get("/admin/delaktighet", async (req, reply) => {
		const data = await service.coordinatorParticipation(opts.db, req.viewer);
		return reply.page(req.t("participation.adminTitle"), (ctx) => ParticipationPage({ ctx, data, detailed: true }));
	});
}
