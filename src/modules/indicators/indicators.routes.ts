import type { FastifyInstance } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import * as service from "./indicators.service.js";
import { AdminIndicatorsPage, IndicatorFormPage } from "./indicators.views.js";
import { KoladaClient } from "./kolada.client.js";

type ById = { Params: { id: string } };

/** The coordinator's administration of the programme's indicators. */
export async function indicatorsRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db } = opts;
	// A person waits on the save: no polite interval, one quick retry, and a short timeout.
	const kolada = () => new KoladaClient({ baseUrl: opts.config.koladaBaseUrl, minIntervalMs: 0, retries: 1, backoffMs: 200, timeoutMs: 10_000 });

	app.get("/admin/indikatorer", async (req, reply) => {
		const indicators = await service.adminIndicators(db, req.viewer);
		return reply.page(req.t("indicator.title"), (ctx) => AdminIndicatorsPage({ ctx, indicators }));
	});

	app.get("/admin/indikatorer/ny", async (req, reply) => {
		const form = await service.indicatorForm(db, req.viewer, null);
		return reply.page(req.t("indicator.new"), (ctx) => IndicatorFormPage({ ctx, form }));
	});

	app.post("/admin/indikatorer/ny", async (req, reply) => {
		const result = await service.saveIndicator(db, req.viewer, null, req.body, kolada());
		if (result.ok) return reply.seeOther("/admin/indikatorer", "flash.indicatorAdded");
		return reply.page(req.t("indicator.new"), (ctx) => IndicatorFormPage({ ctx, form: result.form }), 422);
	});

	app.get<ById>("/admin/indikatorer/:id/andra", async (req, reply) => {
		const form = await service.indicatorForm(db, req.viewer, req.params.id);
		return reply.page(req.t("indicator.edit", { title: form.indicator!.title }), (ctx) => IndicatorFormPage({ ctx, form }));
	});

	app.post<ById>("/admin/indikatorer/:id/andra", async (req, reply) => {
		const result = await service.saveIndicator(db, req.viewer, req.params.id, req.body, kolada());
		if (result.ok) return reply.seeOther("/admin/indikatorer", "flash.indicatorSaved");
		return reply.page(req.t("indicator.edit", { title: result.form.indicator!.title }), (ctx) => IndicatorFormPage({ ctx, form: result.form }), 422);
	});
}
