import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

// No inline script or style anywhere: everything comes from /static.
const csp = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
	"base-uri 'none'",
	"object-src 'none'",
].join("; ");

/** Strict security headers on every response; HSTS when the site is served over https (`hsts`) or this request came so. */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { hsts: boolean }) => {
	app.addHook("onSend", async (req, reply) => {
		// A route may set a stricter policy of its own (an uploaded SVG logo forbids everything).
		if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", csp);
		reply.header("x-content-type-options", "nosniff");
		reply.header("x-frame-options", "DENY");
		reply.header("referrer-policy", "same-origin");
		reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
		reply.header("cross-origin-opener-policy", "same-origin");
		reply.header("cross-origin-resource-policy", "same-origin");
		if (opts.hsts || req.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
	});
});
