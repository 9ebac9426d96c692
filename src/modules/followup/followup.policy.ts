// Who may do what in follow-up: the coordinator runs the rounds; the members of a goal's owner report on it;
// everyone reads a published report.
import type { Db } from "../../db/client.js";
import { forbidden, unauthorized } from "../../plugins/http-errors.js";
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

/** Reporting on a goal: a member of its owner (any owner of a joint initiative); gives the organisation they report for. */
export async function requireReporter(db: Db, viewer: Viewer | null, owner: Owner): Promise<string> {
	if (!viewer) throw unauthorized();
	const acting = await actingOrganisation(db, viewer, owner);
	if (!acting) throw forbidden();
	return acting;
}
