import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { localPath } from "../lib/local-path.js";
import { isLang, type Lang, type T, translator } from "../i18n/i18n.js";

declare module "fastify" {
	interface FastifyRequest {
		lang: Lang;
		t: T;
	}
}

const translators = { sv: translator("sv"), en: translator("en") };

/** Picks the page language from the visitor's choice (a cookie), Swedish by default, and offers the switch. */
export const i18nPlugin = fp(async (app: FastifyInstance) => {
	app.decorateRequest("lang", "sv");
	app.decorateRequest("t", null as unknown as T);
	app.addHook("onRequest", async (req) => {
		const chosen = req.cookies.lang;
		req.lang = isLang(chosen) ? chosen : "sv";
		req.t = translators[req.lang];
	});
	app.get<{ Params: { lang: string }; Querystring: { next?: string } }>("/language/:lang", async (req, reply) => {
		const lang = isLang(req.params.lang) ? req.params.lang : "sv";
		const next = localPath(req.query.next);
		reply.setCookie("lang", lang, { maxAge: 365 * 24 * 3600 });
		return reply.redirect(next, 303);
	});
});
