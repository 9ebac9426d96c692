import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { uploadOptions } from "../../plugins/uploads.js";
import * as service from "./imports.service.js";
import { ImportPage, ImportsPage } from "./imports.views.js";

type ById = { Params: { id: string } };

/** Import of other survey tools' exports: upload, map the columns over a preview, import in the background. */
export async function importsRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;

	app.get("/analys/import", async (req, reply) => {
		const imports = await service.importsPage(db, req.viewer);
		return reply.page(req.t("synthesis.import.title"), (ctx) => ImportsPage({ ctx, imports }));
	});

	// The one form here that takes a file: only its route parses multipart.
	await app.register(async (uploads) => {
		await uploads.register(multipart, uploadOptions(service.maxImportBytes));
		uploads.post("/analys/import", async (req, reply) => {
			const result = await service.uploadFile(db, req.viewer, req.body);
			if (result.ok) return reply.seeOther(`/analys/import/${result.id}`);
			const imports = await service.importsPage(db, req.viewer);
			return reply.page(req.t("synthesis.import.title"), (ctx) => ImportsPage({ ctx, imports, form: result.state }), 422);
		});
	});

	app.get<ById>("/analys/import/:id", async (req, reply) => {
		const data = await service.importPage(db, req.viewer, req.params.id);
		return reply.page(req.t("synthesis.import.of", { file: data.fileName }), (ctx) => ImportPage({ ctx, data }));
	});

	app.post<ById>("/analys/import/:id", async (req, reply) => {
		const result = await service.startImport(db, req.viewer, req.params.id, req.body);
		if (result.ok) return reply.seeOther(`/analys/import/${req.params.id}`);
		const data = await service.importPage(db, req.viewer, req.params.id);
		return reply.page(req.t("synthesis.import.of", { file: data.fileName }), (ctx) => ImportPage({ ctx, data, form: result.state }), 422);
	});
}
