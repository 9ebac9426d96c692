// Who may do what with the programme. Coordinating (the programme's settings, its phases, approving organisations,
// proposals, votes, surveys …) belongs to the admins of the coordinating organisation and to the installation's
// administrators; every other module asks here.
import type { Db } from "../../db/client.js";
import { allow, isAdminOf } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import { findProgramme } from "./programmes.repo.js";

/** Whether a person may coordinate: an admin of the coordinating organisation, or an administrator. */
export async function isCoordinator(db: Db, viewer: Viewer | null): Promise<boolean> {
	if (!viewer) return false;
	if (viewer.isAdministrator) return true;
	const coordinator = (await findProgramme(db))?.coordinatorId;
	return coordinator ? isAdminOf(viewer, coordinator) : false;
}

/** Throws unless the person may coordinate the programme. */
export async function requireCoordinator(db: Db, viewer: Viewer | null): Promise<Viewer> {
	return allow(viewer, await isCoordinator(db, viewer));
}
