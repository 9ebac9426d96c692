// Cookies for the whole site, in one place. A site served over https (PUBLIC_URL https://…, whether or not a proxy
// says so) sends every cookie Secure and names it `__Host-…` (or `__Secure-…` for one limited to a path): a browser
// then takes such a cookie only from this very host over https, so neither a sibling domain nor a plain-http page can
// plant a session or a CSRF secret. Code everywhere else uses the plain names.
import cookie from "@fastify/cookie";
import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const hostPrefix = "__Host-";
const securePrefix = "__Secure-";

/** The name a cookie goes by on an https site: `__Host-` needs the path /, other paths get `__Secure-`. */
function prefixed(name: string, options: CookieSerializeOptions | undefined): string {
	return (options?.path ?? "/") === "/" ? `${hostPrefix}${name}` : `${securePrefix}${name}`;
}

/** Only the prefixed cookies, under their plain names: an unprefixed one may come from anywhere. */
function unprefixed(cookies: Record<string, string | undefined>): Record<string, string | undefined> {
	const kept: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(cookies)) {
		const prefix = [hostPrefix, securePrefix].find((p) => name.startsWith(p));
		if (prefix) kept[name.slice(prefix.length)] = value;
	}
	return kept;
}

/** Parses and sets cookies: HttpOnly, SameSite=Lax and path / unless told otherwise; Secure and prefixed under https. */
export const cookiesPlugin = fp(async (app: FastifyInstance, opts: { https: boolean }) => {
	await app.register(cookie, { parseOptions: { path: "/", httpOnly: true, sameSite: "lax", secure: opts.https ? true : "auto" } });
	if (!opts.https) return;
	app.addHook("onRequest", async (req, reply) => {
		req.cookies = unprefixed(req.cookies);
		const set = reply.setCookie.bind(reply);
		const clear = reply.clearCookie.bind(reply);
		reply.setCookie = (name, value, options) => set(prefixed(name, options), value, { ...options, secure: true });
		reply.clearCookie = (name, options) => clear(prefixed(name, options), { ...options, secure: true });
	});
});
