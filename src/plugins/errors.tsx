import { randomUUID } from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { unavailableReason } from "../db/client.js";
import { isMachinePath } from "../lib/machine-path.js";
import { translateMsg } from "../ui/messages.js";
import { HttpError } from "./http-errors.js";

// A restart or fail-over of PostgreSQL takes seconds.
const retryAfterSeconds = 5;

/** Renders errors in the site's layout (or as JSON for /api and /health), never with a stack trace. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
	app.setNotFoundHandler((req, reply) => {
		respond(req, reply, 404, "error.page.notFound.title", "error.page.notFound.text");
	});

	app.setErrorHandler((err: FastifyError, req, reply) => {
		if (err instanceof HttpError) {
			return respond(req, reply, err.statusCode, err.titleKey, err.messageKey, err.params);
		}
		const status = err.statusCode ?? 500;
		if (status >= 400 && status < 500) {
			// Fastify's own 4xx (malformed body, too large, bad JSON): the person's mistake, not ours.
			const detail = err.validation ? err.message : (err.code ?? err.message);
			return respond(req, reply, status, "error.page.badRequest.title", "error.page.badRequest.text", { detail });
		}
		const unavailable = unavailableReason(err);
		if (unavailable) {
			// The database is restarting or out of reach: not the person's fault nor a bug; they may try again shortly.
			req.log.warn({ reason: unavailable }, "database unavailable, answered 503");
			reply.header("retry-after", String(retryAfterSeconds));
			return respond(req, reply, 503, "error.page.unavailable.title", "error.page.unavailable.text");
		}
		const ref = randomUUID().slice(0, 8);
		req.log.error({ err, ref }, "request failed");
		return respond(req, reply, 500, "error.page.server.title", "error.page.server.text", { ref });
	});
});

function respond(req: FastifyRequest, reply: FastifyReply, status: number, titleKey: string, textKey: string, params?: Record<string, string>) {
	const tr = req.t ?? ((k: string) => k);
	// A message made by msg() carries its own parameters.
	const text = params ? tr(textKey, params) : translateMsg(tr, textKey);
	if (isMachinePath(req.url) || sentJson(req)) {
		const field = params?.field ? { field: params.field } : {};
		return reply.code(status).send({ error: { status, title: tr(titleKey), message: text, ...field } });
	}
	if (status === 401) {
		return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
	}
	return reply.page(
		tr(titleKey),
		(ctx) => (
			<>
				<h1>{ctx.t(titleKey)}</h1>
				<p>{text}</p>
				<p>
					<a href="/">{ctx.t("error.backToStart")}</a>
				</p>
			</>
		),
		status,
	);
}

// A program that sends JSON reads the answer as JSON too, also on a page's address.
function sentJson(req: FastifyRequest): boolean {
	return /^application\/(.+\+)?json/i.test(req.headers["content-type"] ?? "");
}
