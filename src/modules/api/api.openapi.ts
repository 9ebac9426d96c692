import { readFileSync } from "node:fs";
import { projectRoot } from "../../paths.js";
import { join } from "node:path";
import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };

/** Collects the OpenAPI description of the JSON API; must be registered before the routes it describes. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
	await app.register(swagger, {
		openapi: {
			openapi: "3.1.0",
			info: { title: "Medskapa API", version },
			// Relative, so the document is right behind any host name or proxy.
			servers: [{ url: "/" }],
		},
		// Only the public JSON API belongs in the document; pages, forms and tools stay out.
		hideUntagged: true,
		transform: ({ schema, url }) => ({
			schema: url.startsWith("/api/v1/") ? schema : { ...schema, hide: true },
			url,
		}),
	});
});
