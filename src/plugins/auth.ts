import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../db/client.js";
import { sessionCookie, viewerForToken } from "../modules/accounts/index.js";
import { isCoordinator } from "../modules/programmes/index.js";
import type { Viewer } from "../ui/context.js";

declare module "fastify" {
	interface FastifyRequest {
		viewer: Viewer | null;
		/** Whether the viewer coordinates the programme or administers the installation. */
		canAdminister: boolean;
	}
}

/** Who is asking: the session cookie resolved to a person and their roles. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
	app.decorateRequest("viewer", null);
	app.decorateRequest("canAdminister", false);
	app.addHook("onRequest", async (req) => {
		const token = req.cookies[sessionCookie];
		if (!token || req.url.startsWith("/static/")) return;
		req.viewer = await viewerForToken(opts.db, token);
		req.canAdminister = await isCoordinator(opts.db, req.viewer);
	});
});
