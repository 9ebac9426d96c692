import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { HttpError } from "./http-errors.js";

declare module "fastify" {
	interface FastifyRequest {
		/** The token to put in this page's forms (field `_csrf`). */
		csrfToken(): string;
		/** A secret made during this request, to be set as the cookie. */
		newCsrfSecret: string | null;
	}
	interface FastifyContextConfig {
		/** Set to false only on routes that change nothing for a cookie-holding browser. */
		csrf?: boolean;
	}
}

const cookieName = "medskapa_csrf";
const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The token a form carries: the HMAC of the CSRF cookie's secret and the session (none before sign-in), so that a token
 * is worth nothing in another session, nor after signing in or out.
 */
export function csrfTokenFor(key: string, secret: string, sessionToken: string | undefined): string {
	return createHmac("sha256", key).update(`${secret}\n${sessionToken ?? ""}`).digest("base64url");
}

/** Signed double-submit tokens bound to the session: a random secret in an HttpOnly cookie, its token in each form. */
export const csrfPlugin = fp(async (app: FastifyInstance, opts: { key: string; sessionCookie: string }) => {
	const sign = (req: FastifyRequest, secret: string) => csrfTokenFor(opts.key, secret, req.cookies[opts.sessionCookie]);

	app.decorateRequest("newCsrfSecret", null);
	app.decorateRequest("csrfToken", function (this: FastifyRequest) {
		let secret = this.cookies[cookieName] ?? this.newCsrfSecret;
		if (!secret) {
			secret = randomBytes(18).toString("base64url");
			this.newCsrfSecret = secret;
		}
		return sign(this, secret);
	});

	app.addHook("onSend", async (req, reply) => {
		if (req.newCsrfSecret) {
			reply.setCookie(cookieName, req.newCsrfSecret);
		}
	});

	// preHandler, not onRequest: a form body is parsed only by then.
	app.addHook("preHandler", async (req) => {
		if (!unsafe.has(req.method) || req.routeOptions.config?.csrf === false) return;
		const secret = req.cookies[cookieName];
		const body = req.body as Record<string, unknown> | undefined;
		const sent = (typeof body?._csrf === "string" ? body._csrf : undefined) ?? req.headers["x-csrf-token"];
		if (!secret || typeof sent !== "string" || !equal(sent, sign(req, secret))) {
			throw new HttpError(403, "error.page.csrf.text", "error.page.csrf.title");
		}
	});
});

function equal(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
