import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { tryAgainFrom } from "../../plugins/rate-limit.js";
import { formState } from "../../ui/forms.js";
import { AdminListPage, QuestionPage, SectionPage, SurveyAdminPage } from "./surveys.admin.views.js";
import { configureSurveyCaches } from "./surveys.cache.js";
import { exportAnswers, exportJson, surveyFreeTexts, surveyResults } from "./surveys.results.js";
import { sendTables, type TableFormat } from "../../lib/spreadsheet.js";
import { FreeTextsPage, ResultsPage, resultCharts } from "./surveys.results.views.js";
import * as service from "./surveys.service.js";
import { AnswerPage, PaperPage, SurveyListPage, ThanksPage } from "./surveys.views.js";

type IdParams = { Params: { id: string } };
type QuestionParams = { Params: { id: string; questionId: string } };
type SectionParams = { Params: { id: string; sectionId: string } };

// Anonymous answers are rate-limited per IP; the limiter only ever sees a salted hash that changes with each process.
const ipSalt = randomBytes(16).toString("hex");

const backgroundTexts = (req: FastifyRequest) => ({
	section: req.t("survey.bg.section"),
	help: req.t("survey.bg.help"),
	locality: req.t("survey.bg.locality"),
	otherLocality: req.t("survey.bg.otherLocality"),
	ageBand: req.t("survey.bg.ageBand"),
	ageBands: req.t("survey.bg.ageBands").split("|"),
	relation: req.t("survey.bg.relation"),
	relations: req.t("survey.bg.relations").split("|"),
});

const exportLabels = (req: FastifyRequest) => ({
	id: req.t("survey.export.id"),
	channel: req.t("survey.export.channel"),
	day: req.t("survey.export.day"),
	other: req.t("survey.other"),
});

/** Surveys: answering them, the coordinator's builder and results, and the officials' paper entry. */
export async function surveysRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db } = opts;
	configureSurveyCaches(db, opts.config.readCacheMs);

	app.get("/enkater", async (req, reply) => {
		const surveys = await service.publicSurveys(db);
		return reply.page(req.t("survey.list.title"), (ctx) => SurveyListPage({ ctx, surveys }));
	});

	app.get<IdParams>("/enkater/:id", async (req, reply) => {
		const data = await service.surveyToAnswer(db, req.viewer, req.params.id);
		return reply.page(data.survey.title, (ctx) => AnswerPage({ ctx, ...data }));
	});

	app.post<IdParams>("/enkater/:id", { config: { keepsReadCache: true } }, async (req, reply) => {
		const anonymousLimit = async () => {
			const until = await app.rateLimiter.refusedUntil(`survey:${req.params.id}:${createHash("sha256").update(ipSalt + req.ip).digest("hex")}`, opts.config.surveyAnswersPerIp, 600);
			return until && tryAgainFrom("survey.problem.tooMany", req.lang, until);
		};
		const result = await service.submitAnswer(db, req.viewer, req.params.id, req.body, anonymousLimit);
		if (result.ok) return reply.seeOther(`/enkater/${req.params.id}/tack`);
		return reply.page(result.survey.title, (ctx) => AnswerPage({ ctx, ...result }), result.status);
	});

	app.get<IdParams>("/enkater/:id/tack", async (req, reply) => {
		const data = await service.surveyToAnswer(db, req.viewer, req.params.id);
		return reply.page(req.t("survey.thanks.title"), (ctx) => ThanksPage({ ctx, survey: data.survey }));
	});

	app.get("/admin/enkater", async (req, reply) => {
		const surveys = await service.surveysForAdmin(db, req.viewer);
		return reply.page(req.t("survey.admin.title"), (ctx) => AdminListPage({ ctx, surveys, form: formState({ anonymous: "true" }) }));
	});

	app.post("/admin/enkater", async (req, reply) => {
		const result = await service.createSurvey(db, req.viewer, req.body, req.t("survey.admin.firstSection"));
		if (result.ok) return reply.seeOther(`/admin/enkater/${result.survey.id}`, "flash.surveyCreated");
		return reply.page(req.t("survey.admin.title"), (ctx) => AdminListPage({ ctx, surveys: result.surveys, form: result.state }), 422);
	});

	app.get<IdParams>("/admin/enkater/:id", async (req, reply) => {
		const data = await service.surveyForAdmin(db, req.viewer, req.params.id);
		return reply.page(data.survey.title, (ctx) => SurveyAdminPage({ ctx, ...data, form: service.surveyFormState(data.survey), sectionForm: formState() }));
	});

	app.post<IdParams>("/admin/enkater/:id", async (req, reply) => {
		const result = await service.updateSurvey(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.surveySaved");
		return reply.page(result.page.survey.title, (ctx) => SurveyAdminPage({ ctx, ...result.page, form: result.state, sectionForm: formState() }), 422);
	});

	app.post<IdParams & { Body: { to?: string } }>("/admin/enkater/:id/status", async (req, reply) => {
		const status = await service.changeStatus(db, req.viewer, req.params.id, req.body?.to);
		return reply.seeOther(`/admin/enkater/${req.params.id}`, status === "open" ? "flash.surveyOpened" : "flash.surveyClosed");
	});

	app.post<IdParams>("/admin/enkater/:id/oppna-igen", async (req, reply) => {
		const result = await service.reopenSurvey(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.surveyReopened");
		const page = result.page;
		return reply.page(page.survey.title, (ctx) => SurveyAdminPage({ ctx, ...page, form: service.surveyFormState(page.survey), sectionForm: formState(), reopenForm: result.state }), 422);
	});

	app.post<IdParams>("/admin/enkater/:id/delar", async (req, reply) => {
		const result = await service.addSection(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.sectionCreated");
		const page = result.page;
		return reply.page(page.survey.title, (ctx) => SurveyAdminPage({ ctx, ...page, form: service.surveyFormState(page.survey), sectionForm: result.state }), 422);
	});

	app.get<SectionParams>("/admin/enkater/:id/delar/:sectionId", async (req, reply) => {
		const { page, section } = await service.sectionForAdmin(db, req.viewer, req.params.id, req.params.sectionId);
		return reply.page(section.title, (ctx) => SectionPage({ ctx, survey: page.survey, section, form: formState(section), deletable: service.sectionDeletable(page) }));
	});

	app.post<SectionParams>("/admin/enkater/:id/delar/:sectionId", async (req, reply) => {
		const result = await service.updateSection(db, req.viewer, req.params.id, req.params.sectionId, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.sectionSaved");
		return reply.page(result.section.title, (ctx) => SectionPage({ ctx, survey: result.page.survey, section: result.section, form: result.state, deletable: service.sectionDeletable(result.page) }), 422);
	});

	app.post<SectionParams>("/admin/enkater/:id/delar/:sectionId/delete", async (req, reply) => {
		const result = await service.deleteSection(db, req.viewer, req.params.id, req.params.sectionId);
		return reply.seeOther(`/admin/enkater/${req.params.id}`, result.ok ? "flash.sectionDeleted" : "flash.sectionNotDeleted");
	});

	app.post<IdParams>("/admin/enkater/:id/bakgrund", async (req, reply) => {
		const result = await service.addBackgroundQuestions(db, req.viewer, req.params.id, backgroundTexts(req), opts.config.localities);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.backgroundQuestionCreated");
		const page = result.page;
		return reply.page(page.survey.title, (ctx) => SurveyAdminPage({ ctx, ...page, form: service.surveyFormState(page.survey), sectionForm: result.state }), 409);
	});

	const questionPage = (req: FastifyRequest, page: service.SurveyDefinition, form: ReturnType<typeof formState>, questionId?: string) => {
		const base = `/admin/enkater/${page.survey.id}`;
		return (ctx: Parameters<typeof QuestionPage>[0]["ctx"]) =>
			QuestionPage({
				ctx,
				survey: page.survey,
				sections: page.sections,
				conditions: service.conditionChoices(page.questions, questionId),
				form,
				action: questionId ? `${base}/fragor/${questionId}` : `${base}/fragor`,
				heading: req.t(questionId ? "survey.admin.editQuestion" : "survey.admin.addQuestion"),
				deleteAction: questionId ? `${base}/fragor/${questionId}/delete` : undefined,
			});
	};

	app.get<IdParams>("/admin/enkater/:id/fragor/ny", async (req, reply) => {
		const page = await service.surveyForAdmin(db, req.viewer, req.params.id);
		const form = formState({ sectionId: page.sections.at(-1)?.id, kind: "single", maxLength: 2000 });
		return reply.page(req.t("survey.admin.addQuestion"), questionPage(req, page, form));
	});

	app.post<IdParams>("/admin/enkater/:id/fragor", async (req, reply) => {
		const result = await service.createQuestion(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.questionCreated");
		return reply.page(req.t("survey.admin.addQuestion"), questionPage(req, result.page, result.state), 422);
	});

	app.get<QuestionParams>("/admin/enkater/:id/fragor/:questionId", async (req, reply) => {
		const { page, question } = await service.questionForAdmin(db, req.viewer, req.params.id, req.params.questionId);
		return reply.page(req.t("survey.admin.editQuestion"), questionPage(req, page, service.questionFormState(question), question.id));
	});

	app.post<QuestionParams>("/admin/enkater/:id/fragor/:questionId", async (req, reply) => {
		const result = await service.updateQuestion(db, req.viewer, req.params.id, req.params.questionId, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}`, "flash.questionSaved");
		return reply.page(req.t("survey.admin.editQuestion"), questionPage(req, result.page, result.state, result.question.id), 422);
	});

	app.post<QuestionParams>("/admin/enkater/:id/fragor/:questionId/delete", async (req, reply) => {
		const result = await service.deleteQuestion(db, req.viewer, req.params.id, req.params.questionId);
		return reply.seeOther(`/admin/enkater/${req.params.id}`, result.ok ? "flash.questionDeleted" : "flash.surveyLocked");
	});

	app.get<IdParams>("/admin/enkater/:id/resultat", async (req, reply) => {
		const data = await surveyResults(db, req.viewer, req.params.id, req.t("survey.other"));
		const charts = await resultCharts(req.t, req.lang, data.results);
		return reply.page(req.t("survey.results.title", { title: data.survey.title }), (ctx) => ResultsPage({ ctx, ...data, charts }));
	});

	app.get<IdParams & { Querystring: Record<string, string | undefined> }>("/admin/enkater/:id/fritext", async (req, reply) => {
		const data = await surveyFreeTexts(db, req.viewer, req.params.id, req.query);
		return reply.page(req.t("survey.texts.title", { title: data.survey.title }), (ctx) => FreeTextsPage({ ctx, ...data }));
	});

	const answers = async (req: FastifyRequest<IdParams>, reply: FastifyReply, format: TableFormat) => {
		const { survey, table } = await exportAnswers(db, req.viewer, req.params.id, exportLabels(req));
		return sendTables(reply, `enkat-${survey.id}`, [table], format);
	};
	app.get<IdParams & { Querystring: { sep?: string } }>("/admin/enkater/:id/export.csv", (req, reply) => answers(req, reply, req.query.sep === "semicolon" ? "csv-excel" : "csv"));
	app.get<IdParams>("/admin/enkater/:id/export.xlsx", (req, reply) => answers(req, reply, "xlsx"));

	app.get<IdParams>("/admin/enkater/:id/export.json", async (req, reply) => {
		const data = await exportJson(db, req.viewer, req.params.id);
		return reply.header("content-disposition", `attachment; filename="enkat-${data.survey.id}.json"`).header("cache-control", "no-store").send(data);
	});

	app.get<IdParams>("/admin/enkater/:id/papper", async (req, reply) => {
		const data = await service.paperForm(db, req.viewer, req.params.id);
		return reply.page(req.t("survey.paper.title", { title: data.survey.title }), (ctx) => PaperPage({ ctx, ...data, state: { values: {}, errors: {} } }));
	});

	app.post<IdParams>("/admin/enkater/:id/papper", async (req, reply) => {
		const result = await service.submitPaper(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/admin/enkater/${req.params.id}/papper`, "flash.surveyAnswerSaved");
		const page = result.page;
		return reply.page(req.t("survey.paper.title", { title: page.survey.title }), (ctx) => PaperPage({ ctx, ...page, state: result.state }), 422);
	});
}
