import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { publicBaseUrl } from "../../lib/public-url.js";
import type { Config } from "../../config.js";
import { localPath } from "../../lib/local-path.js";
import type { VerifiedPin } from "./eid.pin.js";
import * as service from "./eid.service.js";
import { EidRefusedPage } from "./eid.views.js";

const status: Record<service.EidRefusal, number> = {
	notConfigured: 404,
	unavailable: 502,
	cancelled: 200,
	expired: 400,
	failed: 400,
	noPin: 400,
	badPin: 400,
};

// HttpOnly and SameSite=Lax (not strict: the provider sends the person back with a top-level GET from its own site),
// and Secure under https, as every cookie (src/plugins/cookies.ts).
const cookieOptions = (path: string) => ({ path, maxAge: service.eidTtlMs / 1000 });

/**
 * The person verified by e-ID in this browser during the last ten minutes, or null.
 * Why a sealed cookie: castBallot takes the plain personal identity number and hashes it with the vote's roll key
 * itself, so the number has to reach the request that casts the ballot. Kept only in this AES-GCM sealed, HttpOnly,
 * ten-minute cookie in the person's own browser, it is never written to the database or to a log on the way.
 */
export function verifiedIdentity(req: FastifyRequest, config: Config): VerifiedPin | null {
	return service.openIdentity(config, req.cookies[service.identityCookie]);
}

/** Forgets the verified identity in this browser (after the ballot is cast). */
export function forgetIdentity(reply: FastifyReply): void {
	reply.clearCookie(service.identityCookie, { path: "/" });
}

/** e-ID sign-in through the municipality's OpenID Connect broker: start and callback. */
export async function eidRoutes(app: FastifyInstance, opts: { config: Config }) {
	const { config } = opts;
	const refused = (req: FastifyRequest, reply: FastifyReply, reason: service.EidRefusal, returnTo: string) =>
		reply.page(req.t("eid.refused.title"), (ctx) => EidRefusedPage({ ctx, reason, returnTo }), status[reason]);

	app.get<{ Querystring: { returnTo?: string } }>("/eid/start", async (req, reply) => {
		// The redirect URI registered with the broker: the public address when set, else the address the request came to.
		const result = await service.startSignIn(config, { callbackUrl: `${publicBaseUrl(config)}/eid/callback`, returnTo: req.query.returnTo });
		if (!result.ok) return refused(req, reply, result.reason, localPath(req.query.returnTo));
		reply.setCookie(service.flowCookie, result.flow, cookieOptions("/eid"));
		return reply.redirect(result.redirectTo, 303);
	});

	app.get("/eid/callback", async (req, reply) => {
		const result = await service.finishSignIn(config, { currentUrl: new URL(req.url, publicBaseUrl(config)), flow: req.cookies[service.flowCookie] });
		// An attempt is used once, whatever its outcome.
		reply.clearCookie(service.flowCookie, { path: "/eid" });
		if (!result.ok) {
			req.log.warn({ reason: result.reason, detail: result.detail }, "e-ID sign-in refused");
			return refused(req, reply, result.reason, result.returnTo);
		}
		reply.setCookie(service.identityCookie, result.identity, cookieOptions("/"));
		return reply.seeOther(result.returnTo, "flash.eidVerified");
	});
}
