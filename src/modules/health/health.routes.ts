import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import { checkHealth } from "./health.service.js";

/** The health check for load balancers and monitoring. */
export async function healthRoutes(app: FastifyInstance, opts: { database: Database }) {
	app.get("/health", async (req, reply) => {
		const health = await checkHealth(opts.database);
		if (health.status !== "ok") req.log.warn("health check failed: the database does not answer");
		return reply
			.code(health.status === "ok" ? 200 : 503)
			.header("cache-control", "no-store")
			.send(health);
	});
}
