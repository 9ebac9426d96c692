import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { endSession } from "./sessions.js";

/** Name of the session cookie. */
export const sessionCookie = "medskapa_session";

/** Sign-in and sign-out. */
export async function accountsRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.post("/sign-out", async (req, reply) => {
		const token = req.cookies[sessionCookie];
		if (token) await endSession(opts.db, token);
		reply.clearCookie(sessionCookie, { path: "/" });
		return reply.seeOther("/");
	});
}
