import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../db/client.js";
import { forbidden, unauthorized } from "./http-errors.js";
import type { Viewer } from "../ui/context.js";

declare module "fastify" {
	interface FastifyRequest {
		viewer: Viewer | null;
		/** Whether the viewer coordinates the programme or administers the installation. */
		canAdminister: boolean;
		/** The workspaces the viewer's roles open, for the menu (e.g. the analysts' workspace). */
		workspaceLinks: WorkspaceLink[];
	}
}

/** A workspace the menu offers to the people who hold a role, e.g. analysts. */
export type WorkspaceLink = { href: string; key: string };

/** How a session cookie becomes a person, given by the modules that know (accounts, programmes) when the app is assembled. */
export type AuthOptions = {
	db: Db;
	sessionCookie: string;
	viewerForToken: (db: Db, token: string) => Promise<Viewer | null>;
	canAdminister: (db: Db, viewer: Viewer | null) => Promise<boolean>;
	/** Workspaces for roles that the administration link does not cover, with who holds them. */
	workspaces?: (WorkspaceLink & { holds: (db: Db, viewer: Viewer) => Promise<boolean> })[];
};

/** Who is asking: the session cookie resolved to a person and their roles. */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
	app.decorateRequest("viewer", null);
	app.decorateRequest("canAdminister", false);
	app.decorateRequest("workspaceLinks", null as unknown as WorkspaceLink[]);
	app.addHook("onRequest", async (req) => {
		const token = req.cookies[opts.sessionCookie];
		if (!token || req.url.startsWith("/static/")) return;
		req.viewer = await opts.viewerForToken(opts.db, token);
		req.canAdminister = await opts.canAdminister(opts.db, req.viewer);
		const viewer = req.viewer;
		// The administration leads coordinators to every workspace; others see the ones their roles open.
		if (!viewer || req.canAdminister) return;
		const held = await Promise.all((opts.workspaces ?? []).map(async (w) => ((await w.holds(opts.db, viewer)) ? [{ href: w.href, key: w.key }] : [])));
		req.workspaceLinks = held.flat();
	});
});

// The two checks every module needs, beside the viewer they check (base modules such as mail come before accounts).

/** Throws unless someone is signed in. */
export function requireSignedIn(viewer: Viewer | null): Viewer {
	if (!viewer) throw unauthorized();
	return viewer;
}

/** Throws unless the person administers the installation. */
export function requireAdministrator(viewer: Viewer | null): Viewer {
	const signedIn = requireSignedIn(viewer);
	if (!signedIn.isAdministrator) throw forbidden();
	return signedIn;
}
