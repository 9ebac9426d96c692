import { readFile } from "node:fs/promises";
import { join } from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { projectRoot } from "../../paths.js";
import { uploadOptions } from "../../plugins/uploads.js";
import type { PageContext } from "../../ui/context.js";
import { imageHeaders, maxImageBytes } from "./branding.images.js";
import * as service from "./branding.service.js";
import { BrandingPage, type BrandingForms } from "./branding.views.js";

const defaultFavicon = readFile(join(projectRoot, "public", "favicon.png"));

/** The installation's look: the administrator's page, and the logo, favicon and theme every page links to. */
export async function brandingRoutes(app: FastifyInstance, opts: { db: Db }) {
	const { db } = opts;
	const page = async (req: FastifyRequest, forms: BrandingForms = {}) => {
		const data = await service.brandingForAdmin(db, req.viewer);
		return { title: req.t("branding.title"), body: (ctx: PageContext) => BrandingPage({ ctx, data, forms }) };
	};

	app.get("/admin/utseende", async (req, reply) => {
		const { title, body } = await page(req);
		return reply.page(title, body);
	});

	app.post("/admin/utseende", async (req, reply) => {
		const result = await service.saveLook(db, req.viewer, req.body);
		if (result.ok) return reply.seeOther("/admin/utseende", "flash.brandingSaved");
		const { title, body } = await page(req, { look: result.state });
		return reply.page(title, body, 422);
	});

	app.post("/admin/utseende/logotyp/ta-bort", async (req, reply) => {
		await service.removeLogo(db, req.viewer);
		return reply.seeOther("/admin/utseende", "flash.logoRemoved");
	});

	// The two forms that take a file: only their routes parse multipart.
	await app.register(async (uploads) => {
		await uploads.register(multipart, uploadOptions(maxImageBytes));
		uploads.post("/admin/utseende/logotyp", async (req, reply) => {
			const result = await service.saveLogo(db, req.viewer, req.body);
			if (result.ok) return reply.seeOther("/admin/utseende", "flash.logoSaved");
			const { title, body } = await page(req, { logo: result.state });
			return reply.page(title, body, 422);
		});
		uploads.post("/admin/utseende/favicon", async (req, reply) => {
			const result = await service.saveFavicon(db, req.viewer, req.body);
			if (result.ok) return reply.seeOther("/admin/utseende", "flash.faviconSaved");
			const { title, body } = await page(req, { favicon: result.state });
			return reply.page(title, body, 422);
		});
	});

	app.get("/branding/logo", async (_req, reply) => {
		const logo = await service.image(db, "logo");
		if (!logo) return reply.code(404).type("text/plain").send("");
		return reply.headers(imageHeaders(logo.type)).send(logo.data);
	});

	// Browsers ask for /favicon.ico on their own: the installation's, or Medskapa's default.
	app.get("/favicon.ico", async (_req, reply) => {
		const icon = await service.image(db, "favicon");
		if (icon) return reply.headers(imageHeaders(icon.type)).send(icon.data);
		return reply.headers({ ...imageHeaders("image/png"), "cache-control": "public, max-age=86400" }).send(await defaultFavicon);
	});

	// The chosen colours as tokens over site.css's (docs/design-system.md); the address carries the version.
	app.get("/branding/theme.css", async (_req, reply) => {
		const colours = await service.themeColours(db);
		const tokens = [colours.brand && `--brand: ${colours.brand};`, colours.link && `--link: ${colours.link}; --info: ${colours.link};`].filter(Boolean);
		return reply.headers({ "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=31536000, immutable" }).send(`:root { ${tokens.join(" ")} }\n`);
	});
}
