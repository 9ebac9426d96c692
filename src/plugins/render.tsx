import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Db } from "../db/client.js";
import { cachedValue } from "../lib/read-cache.js";
import { defaultBranding, type SiteBranding } from "../ui/branding.js";
import type { PageContext } from "../ui/context.js";
import { danglingSummaryLinks, ErrorSummary, IdsOnPage, PageIds } from "../ui/form.js";
import { isMachinePath } from "../lib/machine-path.js";
import { Layout } from "../ui/layout.js";
import { translateMsg } from "../ui/messages.js";
import { ignoredParameters, unshownRefusals } from "../ui/refusals.js";

declare module "fastify" {
	interface FastifyContextConfig {
		/**
		 * The page shows only public data read through the read cache: anonymous visitors without a
		 * one-time message get the same HTML, so it is rendered once per cache period, not per request.
		 */
		publicPage?: boolean;
		/**
		 * A successful POST here changes nothing the read cache holds beyond what may lag by one cache period
		 * (a ballot, a survey answer), so it does not empty the cache: under load, public pages stay rendered.
		 */
		keepsReadCache?: boolean;
	}
	interface FastifyRequest {
		/** The installation's look, loaded before the handler so that pages render without waiting. */
		branding?: SiteBranding;
	}
	interface FastifyReply {
		/** Renders a whole page in the site's layout. */
		page(title: string, body: (ctx: PageContext) => ComponentChildren, status?: number): FastifyReply;
		/** Redirects after a successful POST (303) and shows a one-time message on the next page. */
		seeOther(url: string, flashKey?: string): FastifyReply;
	}
}

const flashCookie = "medskapa_flash";

/** The context a page is rendered with, from the request; `onCsrfToken` hears when a form asks for a token. */
export function pageContext(req: FastifyRequest, onCsrfToken?: () => void): PageContext {
	const flash = req.cookies[flashCookie];
	return {
		lang: req.lang,
		t: req.t,
		path: req.url.split("?")[0] ?? "/",
		// Made only when a form asks for it, so pages without forms set no cookie and stay cacheable.
		get csrfToken() {
			onCsrfToken?.();
			return req.csrfToken();
		},
		viewer: req.viewer,
		canAdminister: req.canAdminister,
		workspaceLinks: req.workspaceLinks ?? [],
		flash: flash && /^flash\.\w+$/.test(flash) ? flash : null,
		leftOut: ignoredParameters(),
		branding: req.branding ?? defaultBranding,
	};
}

/** Server-side rendering of pages and the post/redirect/get pattern. */
export const renderPlugin = fp(async (app: FastifyInstance, opts: { db: Db; branding?: (db: Db) => Promise<SiteBranding> }) => {
	const { branding } = opts;
	if (branding) {
		app.addHook("preHandler", async (req) => {
			// Programs' paths render no page, so they do not wait for the database for it.
			if (!req.url.startsWith("/static/") && !isMachinePath(req.url)) req.branding = await branding(opts.db);
		});
	}
	app.decorateReply("page", function (this: FastifyReply, title: string, body: (ctx: PageContext) => ComponentChildren, status = 200) {
		let hasForm = false;
		const ctx = pageContext(this.request, () => {
			hasForm = true;
		});
		if (ctx.flash) this.clearCookie(flashCookie, { path: "/" });
		let rendered: string | undefined;
		const layout = (before?: ComponentChildren, idsOnPage: Set<string> | null = null) =>
			`<!doctype html>${renderToString(
				<PageIds.Provider value={new Set()}>
					<IdsOnPage.Provider value={idsOnPage}>
						<Layout ctx={ctx} title={title}>
							{before}
							{body(ctx)}
						</Layout>
					</IdsOnPage.Provider>
				</PageIds.Provider>,
			)}`;
		const render = () => {
			rendered ??= layout();
			// A refusal must reach the person even when its form is not on the page again (see ui/refusals.ts).
			if (status >= 400) {
				const missing = unshownRefusals().filter(([, message]) => !rendered!.includes(escapeText(translateMsg(ctx.t, message))));
				let before: ComponentChildren;
				if (missing.length > 0 || (status === 422 && !rendered.includes('role="alert"'))) {
					const errors = missing.length > 0 ? Object.fromEntries(missing) : { _form: "error.notSaved" };
					before = <ErrorSummary ctx={ctx} form={{ values: {}, errors }} labels={{}} />;
					rendered = layout(before);
				}
				// A summary's link to a field the page does not show would lead nowhere: rendered again, it is plain text.
				const { ids, dangling } = danglingSummaryLinks(rendered);
				if (dangling.length > 0) rendered = layout(before, ids);
			}
			return rendered;
		};
		const shared = this.request.routeOptions.config.publicPage && !ctx.viewer && !ctx.flash && !ctx.leftOut?.length && status === 200;
		// A page with a form carries the visitor's own CSRF token: it is never shared, even on a public route.
		const shareable = () => {
			const html = render();
			return hasForm ? null : html;
		};
		const sharedHtml = shared ? cachedValue(opts.db, `page:${ctx.lang}:${ctx.path}`, shareable) : null;
		const html = sharedHtml ?? render();
		return this.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(html);
	});
	app.decorateReply("seeOther", function (this: FastifyReply, url: string, flashKey?: string) {
		if (flashKey) this.setCookie(flashCookie, flashKey, { maxAge: 60 });
		return this.redirect(url, 303);
	});
});

// Text as Preact writes it into a page, to find a message the page already shows.
function escapeText(text: string): string {
	return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
