import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { requireCoordinator } from "../programmes/index.js";

/** A section of the administration, and whether only administrators of the installation may open it. */
type Section = { href: string; key: string; administratorOnly: boolean };

const sections: Section[] = [
	{ href: "/admin/programme", key: "admin.link.programme", administratorOnly: false },
	{ href: "/admin/organisations", key: "admin.link.organisations", administratorOnly: false },
	{ href: "/admin/focus-areas", key: "admin.link.focusAreas", administratorOnly: false },
	{ href: "/admin/proposals", key: "admin.link.proposals", administratorOnly: false },
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
