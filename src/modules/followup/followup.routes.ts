import multipart from "@fastify/multipart";
import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { isLang, translator } from "../../i18n/i18n.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { notFound } from "../../plugins/http-errors.js";
import * as report from "./report.service.js";
import { evidenceMultipartOptions } from "./followup.uploads.js";
import { reportCsv, reportPdf, reportXlsx } from "./report.export.js";
import { indicatorChart, PublishedRoundsPage, ReportPage } from "./report.views.js";
import * as reporting from "./reporting.service.js";
import { ReportFormPage, ReportingPage } from "./reporting.views.js";
import * as rounds from "./rounds.service.js";
import { AdminRoundPage, AdminRoundsPage, ConfirmPage } from "./rounds.views.js";

type ById = { Params: { id: string } };
type ByGoal = { Params: { id: string; goalId: string } };
type ByFile = { Params: { id: string; goalId: string; fileId: string } };
type ReportQuery = { Params: { id: string }; Querystring: { organisation?: string; sep?: string } };
type ChartQuery = { Params: { id: string; indicatorId: string }; Querystring: { size?: string; lang?: string } };

/** Follow-up rounds: the coordinator's administration, the owners' reporting and the public report with its downloads. */
export async function followupRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;

	app.get("/admin/uppfoljning", async (req, reply) => {
		const page = await rounds.roundsPage(db, req.viewer);
		return reply.page(req.t("followup.admin.title"), (ctx) => AdminRoundsPage({ ctx, ...page }));
	});

	app.post("/admin/uppfoljning", async (req, reply) => {
		const result = await rounds.createRound(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther(`/admin/uppfoljning/${result.id}`, "flash.followupRoundCreated");
		return reply.page(req.t("followup.admin.title"), (ctx) => AdminRoundsPage({ ctx, ...result.page }), 422);
	});

	app.get<ById>("/admin/uppfoljning/:id", async (req, reply) => {
		const page = await rounds.roundPage(db, req.viewer, req.params.id);
		return reply.page(page.round.title, (ctx) => AdminRoundPage({ ctx, ...page }));
	});

	for (const [path, step] of [
		["oppna", "open"],
		["publicera", "publish"],
	] as const) {
		app.get<ById>(`/admin/uppfoljning/:id/${path}`, async (req, reply) => {
			const { round } = await rounds.roundPage(db, req.viewer, req.params.id);
			return reply.page(req.t(`followup.round.${step}`), (ctx) => ConfirmPage({ ctx, round, step }));
		});
	}

	app.post<ById>("/admin/uppfoljning/:id/oppna", async (req, reply) => {
		await rounds.openRound(db, req.viewer, req.params.id);
		return reply.seeOther(`/admin/uppfoljning/${req.params.id}`, "flash.followupRoundOpened");
	});

	app.post<ById & { Body: { owner?: string } }>("/admin/uppfoljning/:id/paminn", async (req, reply) => {
		const owner = typeof req.body?.owner === "string" ? req.body.owner : null;
		await rounds.remind({ db, config }, req.viewer, req.params.id, owner, { t: req.t, lang: req.lang, base: publicBaseUrl(config) });
		return reply.seeOther(`/admin/uppfoljning/${req.params.id}`, "flash.followupReminded");
	});

	app.post<ById>("/admin/uppfoljning/:id/publicera", async (req, reply) => {
		await rounds.publishRound(db, req.viewer, req.params.id);
		return reply.seeOther(`/admin/uppfoljning/${req.params.id}`, "flash.followupPublished");
	});

	app.get<ById>("/uppfoljning/:id/rapportera", async (req, reply) => {
		const page = await reporting.reportingPage(db, req.viewer, req.params.id);
		return reply.page(req.t("followup.reporting.title", { round: page.round.title }), (ctx) => ReportingPage({ ctx, ...page }));
	});

	app.get<ByGoal>("/uppfoljning/:id/mal/:goalId", async (req, reply) => {
		const form = await reporting.reportForm(db, req.viewer, req.params.id, req.params.goalId);
		return reply.page(req.t("followup.form.title", { goal: form.goal.title }), (ctx) => ReportFormPage({ ctx, form }));
	});

	app.post<ByGoal>("/uppfoljning/:id/mal/:goalId", async (req, reply) => {
		const result = await reporting.saveReport(db, req.viewer, req.params.id, req.params.goalId, req.body);
		if (result.ok) return reply.seeOther(`/uppfoljning/${req.params.id}/rapportera`, "flash.followupReported");
		return reply.page(req.t("followup.form.title", { goal: result.form.goal.title }), (ctx) => ReportFormPage({ ctx, form: result.form }), 422);
	});

	// Evidence files: only the upload route parses multipart, so every other route refuses an upload (415) unread.
	await app.register(async (uploads) => {
		await uploads.register(multipart, evidenceMultipartOptions);
		uploads.post<ByGoal>("/uppfoljning/:id/mal/:goalId/fil", async (req, reply) => {
			const result = await reporting.addEvidenceFile(db, req.viewer, req.params.id, req.params.goalId, req.body);
			if (result.ok) return reply.seeOther(`/uppfoljning/${req.params.id}/mal/${req.params.goalId}`, "flash.followupFileAdded");
			return reply.page(req.t("followup.form.title", { goal: result.form.goal.title }), (ctx) => ReportFormPage({ ctx, form: result.form }), 422);
		});
	});

	app.post<ByFile>("/uppfoljning/:id/mal/:goalId/fil/:fileId/ta-bort", async (req, reply) => {
		const result = await reporting.removeEvidenceFile(db, req.viewer, req.params.id, req.params.goalId, req.params.fileId);
		if (result.ok) return reply.seeOther(`/uppfoljning/${req.params.id}/mal/${req.params.goalId}`, "flash.followupFileRemoved");
		return reply.page(req.t("followup.form.title", { goal: result.form.goal.title }), (ctx) => ReportFormPage({ ctx, form: result.form }), 422);
	});

	// Never shown in the browser as a page: always a download, of the type its bytes showed at upload.
	app.get<ByFile>("/uppfoljning/:id/fil/:fileId", async (req, reply) => {
		const file = await reporting.evidenceFile(db, req.viewer, req.params.id, req.params.fileId);
		return reply
			.type(file.contentType)
			.header("x-content-type-options", "nosniff")
			.header("content-security-policy", "sandbox")
			.header("cache-control", "private, no-store")
			.header("content-disposition", contentDisposition(file.fileName, { type: "attachment" }))
			.send(file.data);
	});

	app.get("/uppfoljning", async (req, reply) => {
		const list = await report.publishedRounds(db);
		return reply.page(req.t("followup.title"), (ctx) => PublishedRoundsPage({ ctx, rounds: list }));
	});

	app.get<ReportQuery>("/uppfoljning/:id", async (req, reply) => {
		const data = await report.readReport(db, req.viewer, req.params.id, req.query.organisation);
		return reply.page(data.report.round.title, (ctx) => ReportPage({ ctx, data }));
	});

	// Each indicator's chart is an image of its own, so that a report with many indicators stays a small page. A
	// published report never changes, so its charts may be kept by browsers and proxies for a day.
	app.get<ChartQuery>("/uppfoljning/:id/diagram/:indicatorId", async (req, reply) => {
		const { report: data, preview } = await report.readReport(db, req.viewer, req.params.id, undefined);
		const indicator = data.indicators.find((i) => i.id === req.params.indicatorId);
		const lang = isLang(req.query.lang) ? req.query.lang : req.lang;
		const chart = indicator && (await indicatorChart({ lang, t: translator(lang) }, indicator));
		if (!chart) throw notFound();
		return reply
			.type("image/svg+xml")
			.header("cache-control", preview ? "private, no-store" : "public, max-age=86400")
			.send(req.query.size === "wide" ? chart.wide : chart.narrow);
	});

	// Downloads of the report, narrowed like the page by ?organisation= and named after the round.
	const downloads = {
		json: async (data: report.FollowupReport) => ({ type: "application/json; charset=utf-8", inline: true, body: JSON.stringify(data) }),
		csv: async (data: report.FollowupReport, req: FastifyRequest<ReportQuery>) => ({ type: "text/csv; charset=utf-8", inline: false, body: reportCsv(data, req.t, req.query.sep === "comma" ? "," : ";") }),
		xlsx: async (data: report.FollowupReport, req: FastifyRequest<ReportQuery>) => ({ type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", inline: false, body: await reportXlsx(data, req.t) }),
		pdf: async (data: report.FollowupReport, req: FastifyRequest<ReportQuery>) => ({ type: "application/pdf", inline: true, body: await reportPdf(data, req.t, req.lang) }),
	};
	for (const [format, make] of Object.entries(downloads)) {
		app.get<ReportQuery>(`/uppfoljning/:id/rapport.${format}`, async (req, reply) => {
			const { report: data } = await report.readReport(db, req.viewer, req.params.id, req.query.organisation);
			const file = await make(data, req);
			return reply.type(file.type).header("content-disposition", contentDisposition(`${data.round.title}.${format}`, { type: file.inline ? "inline" : "attachment" })).send(file.body);
		});
	}
}
