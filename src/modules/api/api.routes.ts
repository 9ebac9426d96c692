import type { FastifyInstance } from "fastify";
import { apiDocs, type EndpointGroup, type OpenApiDocument } from "./api.service.js";
import { ApiDocsPage } from "./api.views.js";

const documentUrl = "/api/v1/openapi.json";

/** The OpenAPI document and its readable documentation page. */
export async function apiRoutes(app: FastifyInstance) {
	app.get(documentUrl, { schema: { hide: true } }, async () => app.swagger());

	// The document is fixed once the routes are registered, so its model is built on the first visit and kept.
	let docs: { groups: EndpointGroup[]; version: string } | undefined;
	app.get("/api/docs", async (req, reply) => {
		if (!docs) {
			const document = app.swagger() as unknown as OpenApiDocument;
			docs = { groups: apiDocs(document), version: document.info.version };
		}
		const { groups, version } = docs;
		return reply.page(req.t("api.docs.title"), (ctx) => ApiDocsPage({ ctx, groups, version, documentUrl }));
	});
}
