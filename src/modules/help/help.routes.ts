import type { FastifyInstance } from "fastify";
import { GuidePage } from "./help.views.js";

/** The coordinator's guide, public so that it can be read before signing in. */
export async function helpRoutes(app: FastifyInstance) {
	app.get("/hjalp", { config: { publicPage: true } }, async (req, reply) => reply.page(req.t("help.title"), (ctx) => GuidePage({ ctx })));
}
