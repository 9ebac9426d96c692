import { join } from "node:path";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import type { Config } from "./config.js";
import { registerContributions } from "./contributions.js";
import { projectRoot } from "./paths.js";
import type { Database } from "./db/client.js";
import { servedOverHttps } from "./lib/public-url.js";
import { clearReadCache, configureReadCache } from "./lib/read-cache.js";
import { accountsRoutes, sessionCookie, viewerForToken } from "./modules/accounts/index.js";
import { brandingRoutes, siteBranding } from "./modules/branding/index.js";
import { adminRoutes } from "./modules/admin/index.js";
import { apiRoutes, openapiPlugin } from "./modules/api/index.js";
import { arenasRoutes } from "./modules/arenas/index.js";
import { decisionsRoutes } from "./modules/decisions/index.js";
import { eidRoutes } from "./modules/eid/index.js";
import { focusAreasRoutes } from "./modules/focus-areas/index.js";
import { followupRoutes } from "./modules/followup/index.js";
import { collaborationRoutes } from "./modules/collaboration/index.js";
import { goalsRoutes } from "./modules/goals/index.js";
import { initiativesRoutes } from "./modules/initiatives/index.js";
import { indicatorsRoutes } from "./modules/indicators/index.js";
import { healthRoutes } from "./modules/health/index.js";
import { helpRoutes } from "./modules/help/index.js";
import { mailRoutes } from "./modules/mail/index.js";
import { organisationsRoutes } from "./modules/organisations/index.js";
import { pagesRoutes } from "./modules/pages/index.js";
import { isCoordinator, programmesRoutes } from "./modules/programmes/index.js";
import { proposalsRoutes } from "./modules/proposals/index.js";
import { votesRoutes } from "./modules/votes/index.js";
import { surveysRoutes } from "./modules/surveys/index.js";
import { ideasRoutes } from "./modules/ideas/index.js";
import { inputsRoutes } from "./modules/inputs/index.js";
import { synthesisRoutes, viewerIsAnalyst } from "./modules/synthesis/index.js";
import { participationRoutes } from "./modules/participation/index.js";
import { workshopsRoutes } from "./modules/workshops/index.js";
import { authPlugin } from "./plugins/auth.js";
import { cookiesPlugin } from "./plugins/cookies.js";
import { csrfPlugin } from "./plugins/csrf.js";
import { errorsPlugin } from "./plugins/errors.js";
import { i18nPlugin } from "./plugins/i18n.js";
import { inputGuardPlugin } from "./plugins/input-guard.js";
import { loggerOptions } from "./plugins/logging.js";
import { rateLimitPlugin } from "./plugins/rate-limit.js";
import { renderPlugin } from "./plugins/render.js";
import { securityHeadersPlugin } from "./plugins/security-headers.js";

/** Builds the web application: plugins first, then the explicit list of modules. */
export async function buildApp(config: Config, database: Database, options: { logStream?: DestinationStream } = {}): Promise<FastifyInstance> {
	const app = Fastify({
		trustProxy: config.trustProxy,
		bodyLimit: 1024 * 1024,
		logger: loggerOptions(config.logLevel, options.logStream),
		genReqId: () => crypto.randomUUID(),
	});
	const { db } = database;
	registerContributions();
	configureReadCache(db, config.readCacheMs);
	// Any change made through this process shows at once on its public pages.
	app.addHook("onResponse", async (req, reply) => {
		if (req.method !== "GET" && req.method !== "HEAD" && reply.statusCode < 400 && !req.routeOptions.config.keepsReadCache) clearReadCache(db);
	});

	await app.register(cookiesPlugin, { https: servedOverHttps(config) });
	await app.register(formbody);
	await app.register(fastifyStatic, { root: join(projectRoot, "public"), prefix: "/static/", maxAge: "1h" });
	await app.register(securityHeadersPlugin, { hsts: servedOverHttps(config) });
	await app.register(i18nPlugin);
	await app.register(inputGuardPlugin);
	await app.register(csrfPlugin, { key: config.sessionSecret, sessionCookie });
	await app.register(rateLimitPlugin, { redisUrl: config.redisUrl });
	const workspaces = [{ href: "/analys", key: "synthesis.title", holds: viewerIsAnalyst }];
	await app.register(authPlugin, { db, sessionCookie, viewerForToken, canAdminister: isCoordinator, workspaces });
	await app.register(renderPlugin, { db, branding: siteBranding });
	await app.register(errorsPlugin);
	// Before the modules: it records the routes as they are registered.
	await app.register(openapiPlugin);

	const modules = { db, config, database };
	await app.register(brandingRoutes, modules);
	await app.register(programmesRoutes, modules);
	await app.register(proposalsRoutes, modules);
	await app.register(surveysRoutes, modules);
	await app.register(adminRoutes, modules);
	await app.register(accountsRoutes, modules);
	await app.register(organisationsRoutes, modules);
	await app.register(focusAreasRoutes, modules);
	await app.register(goalsRoutes, modules);
	await app.register(indicatorsRoutes, modules);
	await app.register(decisionsRoutes, modules);
	await app.register(eidRoutes, modules);
	await app.register(votesRoutes, modules);
	await app.register(mailRoutes, modules);
	await app.register(healthRoutes, modules);
	await app.register(helpRoutes);
	await app.register(workshopsRoutes, modules);
	await app.register(ideasRoutes, modules);
	await app.register(inputsRoutes, modules);
	await app.register(synthesisRoutes, modules);
	await app.register(participationRoutes, modules);
	await app.register(pagesRoutes, modules);
	await app.register(arenasRoutes, modules);
	await app.register(collaborationRoutes, modules);
	await app.register(initiativesRoutes, modules);
	await app.register(followupRoutes, modules);
	await app.register(apiRoutes, modules);
	return app;
}
