import type { Lang, T } from "../i18n/i18n.js";
import type { SiteBranding } from "./branding.js";

/** The signed-in person as the pages and services see them. */
export type Viewer = {
	id: string;
	email: string;
	name: string;
	isAdministrator: boolean;
	memberships: { organisationId: string; role: "member" | "admin" }[];
};

/** What every page needs to know about the request it answers. */
export type PageContext = {
	lang: Lang;
	t: T;
	path: string;
	csrfToken: string;
	viewer: Viewer | null;
	/** Whether the viewer may open the administration (coordinator or administrator). */
	canAdminister: boolean;
	/** Workspaces the viewer's roles open beside the administration (e.g. the analysts'), for the menu. */
	workspaceLinks?: { href: string; key: string }[];
	flash: string | null;
	/** Query parameters the input guard left out of the address, for the page to say so (they held a control character). */
	leftOut?: string[];
	/** The installation's name, logo, favicon and colours. */
	branding: SiteBranding;
};
