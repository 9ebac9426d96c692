import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import * as service from "./programmes.service.js";
import { StartPage } from "./programmes.views.js";

/** Public pages of the programme. */
export async function programmesRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/", async (_req, reply) => {
		const data = await service.startPage(opts.db);
		const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
		return reply.page(data.programme.name, (ctx) => StartPage({ ctx, data, today }));
	});
}
