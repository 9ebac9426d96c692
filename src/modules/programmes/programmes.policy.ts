// Who may do what with the programme. Coordinating (the programme's settings, its phases, approving organisations,
// proposals, votes, surveys …) belongs to the admins of the coordinating organisation and to the installation's
// administrators; every other module asks here.
import type { Db } from "../../db/client.js";
import { type Actor, isAdminOf, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import { findProgramme } from "./programmes.repo.js";

type ProgrammeRole = "coordinator";

export const programmesPolicy = policyTable<ProgrammeRole, "coordinate">({
	/** Change the programme's settings and phases; every module's coordinating actions ask here too. */
	coordinate: ["coordinator"],
});

/** Whether a person may coordinate: an admin of the coordinating organisation, or an administrator. */
export async function isCoordinator(db: Db, viewer: Viewer | null): Promise<boolean> {
	if (!viewer) return false;
	if (viewer.isAdministrator) return true;
	const coordinator = (await findProgramme(db))?.coordinatorId;
	return coordinator ? isAdminOf(viewer, coordinator) : false;
}

/** Throws unless the person may coordinate the programme. */
export async function requireCoordinator(db: Db, viewer: Viewer | null): Promise<Viewer> {
	return programmesPolicy.authorize(viewer, (await isCoordinator(db, viewer)) ? ["coordinator"] : [], "coordinate");
}

/** Who acts, as every module's policy sees them: the person and whether they coordinate. */
export async function actorOf(db: Db, viewer: Viewer | null): Promise<Actor> {
	return { viewer, coordinates: await isCoordinator(db, viewer) };
}
