import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import * as service from "./mail.service.js";
import { OutboxPage } from "./mail.views.js";

/** The administrator's view of the outbox. */
export async function mailRoutes(app: FastifyInstance, opts: { db: Db }) {
	app.get("/admin/outbox", async (req, reply) => {
		const mails = await service.outboxPage(opts.db, req.viewer);
		return reply.page(req.t("mail.outbox.title"), (ctx) => OutboxPage({ ctx, mails }));
	});
}
