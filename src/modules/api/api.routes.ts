import type { FastifyInstance } from "fastify";
import { apiDocs, type OpenApiDocument } from "./api.service.js";
import { ApiDocsPage } from "./api.views.js";

const documentUrl = "/api/v1/openapi.json";

/** The OpenAPI document and its readable documentation page. */
export async function apiRoutes(app: FastifyInstance) {
	app.get(documentUrl, { schema: { hide: true } }, async () => app.swagger());

	app.get("/api/docs", async (req, reply) => {
		const document = app.swagger() as unknown as OpenApiDocument;
		const groups = apiDocs(document);
		return reply.page(req.t("api.docs.title"), (ctx) => ApiDocsPage({ ctx, groups, version: document.info.version, documentUrl }));
	});
}
