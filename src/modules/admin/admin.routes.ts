import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { dashboard } from "./admin.service.js";
import { DashboardPage } from "./admin.views.js";

/** The administration's start page. */
export async function adminRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/admin", async (req, reply) => {
		const data = await dashboard(opts.db, req.viewer);
		return reply.page(req.t("admin.title"), (ctx) => DashboardPage({ ctx, data }));
	});
}
