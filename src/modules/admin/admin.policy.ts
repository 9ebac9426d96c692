// Who may do what with the administration's dashboard. Coordinators (and administrators, who coordinate too) open it
// and see the programme's sections; only administrators see the installation's (people, the outbox).
import type { Db } from "../../db/client.js";
import { isAdministrator, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import { isCoordinator } from "../programmes/index.js";

type AdminRole = "coordinator" | "administrator";

export const adminPolicy = policyTable<AdminRole, "openDashboard" | "seeInstallation">({
	/** Open the dashboard and its programme sections. */
	openDashboard: ["coordinator"],
	/** See the installation's sections: people and the outbox. */
	seeInstallation: ["administrator"],
});

/** The dashboard's roles a person holds. */
export async function adminRoles(db: Db, viewer: Viewer | null): Promise<AdminRole[]> {
	const roles: AdminRole[] = [];
	if (await isCoordinator(db, viewer)) roles.push("coordinator");
	if (isAdministrator(viewer)) roles.push("administrator");
	return roles;
}
