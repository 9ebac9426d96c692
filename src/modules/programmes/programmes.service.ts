import type { Db } from "../../db/client.js";
import { forbidden, notFound, unauthorized } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import * as repo from "./programmes.repo.js";

/** The installation's programme, or a 404 when none has been set up yet. */
export async function getProgramme(db: Db): Promise<repo.Programme> {
	const programme = await repo.findProgramme(db);
	if (!programme) throw notFound();
	return programme;
}

/** The id of the organisation that coordinates the programme now, if any. */
export async function coordinatorId(db: Db): Promise<string | null> {
	return (await repo.findProgramme(db))?.coordinatorId ?? null;
}

/** Whether a person may coordinate: an admin of the coordinating organisation, or an administrator. */
export async function isCoordinator(db: Db, viewer: Viewer | null): Promise<boolean> {
	if (!viewer) return false;
	if (viewer.isAdministrator) return true;
	const coordinator = await coordinatorId(db);
	return viewer.memberships.some((m) => m.role === "admin" && m.organisationId === coordinator);
}

/** Throws unless the person may coordinate the programme. */
export async function requireCoordinator(db: Db, viewer: Viewer | null): Promise<Viewer> {
	if (!viewer) throw unauthorized();
	if (!(await isCoordinator(db, viewer))) throw forbidden();
	return viewer;
}

/** Everything the start page shows: the programme, who coordinates it and its phases. */
export async function startPage(db: Db) {
	const found = await repo.findProgrammeWithCoordinator(db);
	if (!found) throw notFound();
	const phases = await repo.listPhases(db, found.programme.id);
	return { ...found, phases };
}
