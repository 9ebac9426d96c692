// Who may do what in follow-up: the coordinator runs the rounds; the members of a goal's owner report on it;
// everyone reads a published report.
import type { Db } from "../../db/client.js";
import { allow, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import { actingOrganisation, type Owner } from "../goals/index.js";
import { isCoordinator, requireCoordinator } from "../programmes/index.js";
import type { Round } from "./followup.repo.js";

/** Creating, opening, reminding and publishing rounds: the coordinator. */
export const requireRoundManager = requireCoordinator;

/** Reading a round's report: anyone once published; before that the coordinator only (a preview). */
export async function canReadReport(db: Db, viewer: Viewer | null, round: Round): Promise<boolean> {
	return round.publishedAt !== null || (await isCoordinator(db, viewer));
}

/** The page of goals to report on: any signed-in person (401 otherwise); it lists only the goals they may report on. */
export const requireSignedIn = signedIn;

/** Whether a person may report on a goal of this owner: a member of the owner (any owner of a joint initiative). */
export async function mayReport(db: Db, viewer: Viewer | null, owner: Owner): Promise<boolean> {
	return (await actingOrganisation(db, viewer, owner)) !== null;
}

/** Reporting on a goal: a member of its owner (any owner of a joint initiative); gives the organisation they report for. */
export async function requireReporter(db: Db, viewer: Viewer | null, owner: Owner): Promise<string> {
	signedIn(viewer);
	const acting = await actingOrganisation(db, viewer, owner);
	allow(viewer, acting !== null);
	return acting!;
}
