import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { adminPolicy, adminRoles } from "./admin.policy.js";

/**
 * A section of the administration: its address, its help (help.page.<page>, shown on it and in the guide), its name,
 * and whether only administrators of the installation may open it.
 */
export type Section = { href: string; page: string; key: string; administratorOnly: boolean };

/** Every section of the administration. */
export const sections: Section[] = [
	{ href: "/admin/programme", page: "programme", key: "admin.link.programme", administratorOnly: false },
	{ href: "/admin/organisations", page: "organisations", key: "admin.link.organisations", administratorOnly: false },
	{ href: "/admin/focus-areas", page: "focusAreas", key: "admin.link.focusAreas", administratorOnly: false },
	{ href: "/admin/indikatorer", page: "indicators", key: "indicator.title", administratorOnly: false },
	{ href: "/admin/uppfoljning", page: "followup", key: "followup.admin.title", administratorOnly: false },
	{ href: "/admin/proposals", page: "proposals", key: "admin.link.proposals", administratorOnly: false },
	{ href: "/admin/beslut", page: "decisions", key: "decisions.admin.title", administratorOnly: false },
	{ href: "/admin/antaganden", page: "adoptions", key: "decisions.admin.adoptions", administratorOnly: false },
	{ href: "/admin/samordnare", page: "handover", key: "decisions.admin.handover", administratorOnly: false },
	{ href: "/admin/votes", page: "votes", key: "vote.admin.title", administratorOnly: false },
	{ href: "/admin/enkater", page: "surveys", key: "survey.admin.title", administratorOnly: false },
	{ href: "/admin/framtidsverkstader", page: "workshops", key: "workshop.admin.title", administratorOnly: false },
	{ href: "/admin/ideer", page: "ideas", key: "idea.moderation.title", administratorOnly: false },
	{ href: "/admin/inspel", page: "inputs", key: "input.title", administratorOnly: false },
	{ href: "/analys", page: "analysis", key: "synthesis.title", administratorOnly: false },
	{ href: "/admin/delaktighet", page: "participation", key: "participation.adminTitle", administratorOnly: false },
	{ href: "/admin/utseende", page: "branding", key: "admin.link.branding", administratorOnly: true },
	{ href: "/admin/users", page: "users", key: "admin.link.users", administratorOnly: true },
	{ href: "/admin/outbox", page: "outbox", key: "admin.link.outbox", administratorOnly: true },
];

/** The dashboard's sections the viewer may open: coordinators see the programme's, administrators also the installation's. */
export async function dashboard(db: Db, viewer: Viewer | null) {
	const roles = await adminRoles(db, viewer);
	adminPolicy.authorize(viewer, roles, "openDashboard");
	const mine = sections.filter((s) => !s.administratorOnly || adminPolicy.may(roles, "seeInstallation"));
	return {
		programme: mine.filter((s) => !s.administratorOnly),
		installation: mine.filter((s) => s.administratorOnly),
	};
}
