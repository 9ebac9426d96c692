import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import type { PageContext } from "../ui/context.js";
import { Layout } from "../ui/layout.js";

declare module "fastify" {
	interface FastifyReply {
		/** Renders a whole page in the site's layout. */
		page(title: string, body: (ctx: PageContext) => ComponentChildren, status?: number): FastifyReply;
		/** Redirects after a successful POST (303) and shows a one-time message on the next page. */
		seeOther(url: string, flashKey?: string): FastifyReply;
	}
}

const flashCookie = "medskapa_flash";

/** The context a page is rendered with, from the request. */
export function pageContext(req: FastifyRequest): PageContext {
	const flash = req.cookies[flashCookie];
	return {
		lang: req.lang,
		t: req.t,
		path: req.url.split("?")[0] ?? "/",
		// Made only when a form asks for it, so pages without forms set no cookie and stay cacheable.
		get csrfToken() {
			return req.csrfToken();
		},
		viewer: req.viewer,
		canAdminister: req.canAdminister,
		flash: flash && /^flash\.\w+$/.test(flash) ? flash : null,
	};
}

/** Server-side rendering of pages and the post/redirect/get pattern. */
export const renderPlugin = fp(async (app: FastifyInstance) => {
	app.decorateReply("page", function (this: FastifyReply, title: string, body: (ctx: PageContext) => ComponentChildren, status = 200) {
		const ctx = pageContext(this.request);
		if (ctx.flash) this.clearCookie(flashCookie, { path: "/" });
		const html = `<!doctype html>${renderToString(
			<Layout ctx={ctx} title={title}>
				{body(ctx)}
			</Layout>,
		)}`;
		return this.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(html);
	});
	app.decorateReply("seeOther", function (this: FastifyReply, url: string, flashKey?: string) {
		if (flashKey) this.setCookie(flashCookie, flashKey, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 });
		return this.redirect(url, 303);
	});
});
