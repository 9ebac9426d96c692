// Who may do what with surveys. Anyone answers a survey that is open (signed in or not, as the survey says); the
// coordinator builds, opens, closes and previews surveys and reads their results; officials (every member of the
// coordinating organisation) type in answers given on paper.
import type { Db } from "../../db/client.js";
import { isMemberOf, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import { coordinatorId, isCoordinator } from "../programmes/index.js";

type SurveyRole = "coordinator" | "official";

export const surveysPolicy = policyTable<SurveyRole, "administer" | "previewDraft" | "enterPaper">({
	/** Build, open, close and reopen surveys; read their results, free texts and exports. */
	administer: ["coordinator"],
	/** See and try a survey that is still a draft. */
	previewDraft: ["coordinator"],
	/** Type in answers given on paper. */
	enterPaper: ["coordinator", "official"],
});

type SurveyAction = keyof typeof surveysPolicy.table;

async function rolesOf(db: Db, viewer: Viewer | null): Promise<SurveyRole[]> {
	if (!viewer) return [];
	const [coordinates, coordinator] = await Promise.all([isCoordinator(db, viewer), coordinatorId(db)]);
	const roles: SurveyRole[] = coordinates ? ["coordinator"] : [];
	if (coordinator && isMemberOf(viewer, coordinator)) roles.push("official");
	return roles;
}

/** Whether the person may take the action. */
export async function may(db: Db, viewer: Viewer | null, action: SurveyAction): Promise<boolean> {
	return surveysPolicy.may(await rolesOf(db, viewer), action);
}

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export async function authorize(db: Db, viewer: Viewer | null, action: SurveyAction): Promise<Viewer> {
	return surveysPolicy.authorize(viewer, await rolesOf(db, viewer), action);
}
