import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { requireCoordinator } from "../programmes/index.js";

/** A section of the administration, and whether only administrators of the installation may open it. */
type Section = { href: string; key: string; administratorOnly: boolean };

const sections: Section[] = [
	{ href: "/admin/programme", key: "admin.link.programme", administratorOnly: false },
	{ href: "/admin/organisations", key: "admin.link.organisations", administratorOnly: false },
	{ href: "/admin/focus-areas", key: "admin.link.focusAreas", administratorOnly: false },
	{ href: "/admin/indikatorer", key: "indicator.title", administratorOnly: false },
	{ href: "/admin/uppfoljning", key: "followup.admin.title", administratorOnly: false },
	{ href: "/admin/proposals", key: "admin.link.proposals", administratorOnly: false },
	{ href: "/admin/beslut", key: "decisions.admin.title", administratorOnly: false },
	{ href: "/admin/antaganden", key: "decisions.admin.adoptions", administratorOnly: false },
	{ href: "/admin/samordnare", key: "decisions.admin.handover", administratorOnly: false },
	{ href: "/admin/votes", key: "vote.admin.title", administratorOnly: false },
	{ href: "/admin/enkater", key: "survey.admin.title", administratorOnly: false },
	{ href: "/admin/framtidsverkstader", key: "workshop.admin.title", administratorOnly: false },
	{ href: "/admin/ideer", key: "idea.moderation.title", administratorOnly: false },
	{ href: "/admin/inspel", key: "input.title", administratorOnly: false },
	{ href: "/analys", key: "synthesis.title", administratorOnly: false },
	{ href: "/admin/delaktighet", key: "participation.adminTitle", administratorOnly: false },
	{ href: "/admin/users", key: "admin.link.users", administratorOnly: true },
	{ href: "/admin/outbox", key: "admin.link.outbox", administratorOnly: true },
];

/** The dashboard's sections the viewer may open: coordinators see the programme's, administrators also the installation's. */
export async function dashboard(db: Db, viewer: Viewer | null) {
	const who = await requireCoordinator(db, viewer);
	const mine = sections.filter((s) => who.isAdministrator || !s.administratorOnly);
	return {
		programme: mine.filter((s) => !s.administratorOnly),
		installation: mine.filter((s) => s.administratorOnly),
	};
}
