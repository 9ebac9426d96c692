import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import type { T } from "../../i18n/i18n.js";
import { checkedValues } from "../focus-areas/index.js";
import { idParamsSchema, oneRecordResponses } from "../../lib/api-schema.js";
import { themeTraceJson, themeTraceJsonSchema, traceJson, traceJsonSchema, traceTags } from "./traceability.api.js";
import * as service from "./traceability.service.js";
import { FocusAreaLinksPage, PublicThemePage, ThemeLinksPage } from "./traceability.views.js";

type ById = { Params: { id: string } };

/** Linking focus areas to the themes they rest on, and the themes' public pages. */
export async function traceabilityRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/analys/fokusomraden", async (req, reply) => {
		const areas = await service.focusAreaLinksPage(db, req.viewer);
		return reply.page(req.t("trace.areas.title"), (ctx) => FocusAreaLinksPage({ ctx, areas }));
	});

	app.get<ById>("/analys/fokusomraden/:id", async (req, reply) => {
		const area = await service.focusAreaOr404(db, req.params.id);
		const data = await service.themeLinks(db, req.viewer, service.focusAreaOwner(area.id));
		return reply.page(area.name, (ctx) => ThemeLinksPage({ ctx, data, ...frame(ctx.t, area) }));
	});

	app.post<ById>("/analys/fokusomraden/:id", async (req, reply) => {
		const area = await service.focusAreaOr404(db, req.params.id);
		const result = await service.saveThemeLinks(db, req.viewer, service.focusAreaOwner(area.id), req.body);
		if (result.ok) return reply.seeOther(`/analys/fokusomraden/${area.id}`, "flash.focusAreaThemesSaved");
		const data = await service.themeLinks(db, req.viewer, service.focusAreaOwner(area.id));
		const checked = checkedValues(req.body, service.themeLinksField);
		return reply.page(area.name, (ctx) => ThemeLinksPage({ ctx, data, form: result.state, checked, ...frame(ctx.t, area) }), 422);
	});

	app.get<ById>("/teman/:id", { config: { publicPage: true } }, async (req, reply) => {
		const data = await service.publicThemePage(db, req.params.id);
		if ("mergedInto" in data) return reply.redirect(`/teman/${data.mergedInto}`, 301);
		return reply.page(req.t("trace.theme.title", { name: data.theme.name }), (ctx) => PublicThemePage({ ctx, data }));
	});

	app.get<ById>(
		"/api/v1/focus-areas/:id/trace",
		{
			schema: {
				tags: traceTags,
				summary: "What a focus area rests on",
				description: "The themes from residents' inputs the focus area is linked to, how many inputs and participants they hold, and a sample of public quotes: as on the focus area's page.",
				params: idParamsSchema,
				response: oneRecordResponses(traceJsonSchema, "The focus area's trace"),
			},
		},
		async (req) => traceJson(await service.publicFocusAreaTrace(db, req.params.id)),
	);

	app.get<ById>(
		"/api/v1/themes/:id",
		{
			schema: {
				tags: traceTags,
				summary: "One public theme: what residents said in it and what rests on it",
				description:
					"A theme is public once a vision proposal or a focus area rests on it. A theme merged into another answers 301 with the address of the theme it lives on in.",
				params: idParamsSchema,
				response: { ...oneRecordResponses(themeTraceJsonSchema, "The theme"), 301: { description: "The theme was merged; Location names the theme it lives on in" } },
			},
		},
		async (req, reply) => {
			const data = await service.publicThemePage(db, req.params.id);
			if ("mergedInto" in data) return reply.redirect(`/api/v1/themes/${data.mergedInto}`, 301);
			return themeTraceJson(data);
		},
	);
}

/** The heading, links and form address of a focus area's link page. */
function frame(t: T, area: { id: string; name: string }) {
	return {
		heading: t("trace.links.areaHeading", { name: area.name }),
		publicHref: `/fokusomraden/${area.id}`,
		back: { href: "/analys/fokusomraden", label: t("trace.areas.back") },
		action: `/analys/fokusomraden/${area.id}`,
	};
}
