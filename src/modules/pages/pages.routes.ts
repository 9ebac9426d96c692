import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { type FormState, formState } from "../../ui/forms.js";
import { cachedRead } from "../../lib/read-cache.js";
import { keyDecisions } from "../decisions/index.js";
import { startPage } from "../programmes/index.js";
import { focusAreaPageData } from "./focus-area.page.js";
import { FocusAreaPage } from "./focus-area.page.views.js";
import { whatsOn } from "./pages.now.js";
import { WhatsOnNow } from "./pages.now.views.js";
import { StartPage } from "./pages.start.views.js";
import * as service from "./pages.service.js";
import { proposalTraceRoutes } from "./proposal-trace.routes.js";
import { actorsRoutes } from "./actors.routes.js";
import { AccessibilityStatementPage, ReportThanksPage } from "./pages.views.js";

/** The start page (the programme and what one can do now), each focus area's page, the accessibility statement and its report form. */
export async function pagesRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const deps = { db: opts.db, config: opts.config, limiter: app.rateLimiter };
	await app.register(proposalTraceRoutes, opts);
	await app.register(actorsRoutes, opts);

	app.get("/", { config: { publicPage: true } }, async (_req, reply) => {
		const at = new Date();
		const [programme, decisions, now] = await Promise.all([startPage(opts.db), cachedRead(opts.db, "pages.keyDecisions", () => keyDecisions(opts.db)), whatsOn(opts.db, at)]);
		const data = { ...programme, decisions };
		return reply.page(data.programme.name, (ctx) => StartPage({ ctx, data, today: todayInSweden(), now: WhatsOnNow({ ctx, now, at }) }));
	});

	app.get<{ Params: { id: string } }>("/fokusomraden/:id", async (req, reply) => {
		const data = await focusAreaPageData(opts.db, req.params.id, req.viewer);
		return reply.page(data.area.name, (ctx) => FocusAreaPage({ ctx, data }));
	});

	const statement = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
		const data = await service.statementPage(opts.db);
		const siteName = data.siteName ?? req.t("site.name");
		return reply.page(
			req.t("pages.a11y.title", { site: siteName }),
			(ctx) =>
				AccessibilityStatementPage({
					ctx,
					siteName,
					responsible: data.responsible ?? ctx.t("pages.a11y.responsibleUnknown"),
					reviewedOn: service.statementReviewedOn,
					form,
				}),
			status,
		);
	};

	app.get("/tillganglighet", async (req, reply) => statement(req, reply, formState()));

	app.post("/tillganglighet", async (req, reply) => {
		const result = await service.reportProblem(deps, { body: req.body, ip: req.ip, t: req.t, lang: req.lang });
		if (!result.ok) return statement(req, reply, result.state, result.status);
		return reply.seeOther("/tillganglighet/tack");
	});

	app.get("/tillganglighet/tack", async (req, reply) => reply.page(req.t("pages.report.thanksTitle"), (ctx) => ReportThanksPage({ ctx })));
}
