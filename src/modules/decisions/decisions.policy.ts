// Who may do what with decisions and adoptions. An official of a decision body is an admin of the organisation
// the body belongs to; the programme's coordinator (and an administrator) is an official of every body, so it can
// record on others' behalf. Only the coordinator names the body the programme recognises for the vision and hands
// the coordination over. Whatever an official records, the public sees only once its organisation is approved.
import { type Actor, adminOrganisationIds, maySeeOrganisation, policyTable, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

/** "officialOf" is an admin of the organisation acted for; "official" an admin of any organisation. */
type DecisionRole = "coordinator" | "official" | "officialOf";

export const decisionsPolicy = policyTable<DecisionRole, "recordFor" | "openRecords" | "coordinate">({
	/** Record a body, meeting, item, motion, document or adoption for an organisation. */
	recordFor: ["coordinator", "officialOf"],
	/** Open the decisions administration and register bodies and meetings (for the organisations they are officials of). */
	openRecords: ["coordinator", "official"],
	/** Name the body the programme recognises for the vision; hand the coordination over. */
	coordinate: ["coordinator"],
});

function rolesOf({ viewer, coordinates }: Actor, organisationId?: string): DecisionRole[] {
	const roles: DecisionRole[] = coordinates ? ["coordinator"] : [];
	const own = adminOrganisationIds(viewer);
	if (own.length > 0) roles.push("official");
	if (organisationId !== undefined && own.includes(organisationId)) roles.push("officialOf");
	return roles;
}

/** The organisations a person may record decisions and adoptions for: "all" for the coordinator, else those they are an admin of. */
export function officialOrganisations({ viewer, coordinates }: Actor): "all" | string[] {
	signedIn(viewer);
	return coordinates ? "all" : adminOrganisationIds(viewer);
}

/** Throws unless the person is an official of the organisation. */
export function requireOfficialFor(actor: Actor, organisationId: string): void {
	decisionsPolicy.authorize(actor.viewer, rolesOf(actor, organisationId), "recordFor");
}

/** Throws unless the person is an official of at least one organisation; gives the organisations they may act for. */
export function requireSomeOffice(actor: Actor): "all" | string[] {
	decisionsPolicy.authorize(actor.viewer, rolesOf(actor), "openRecords");
	return officialOrganisations(actor);
}

/** Throws unless the person may name the vision's body or hand the coordination over: the coordinator. */
export function requireCoordination(actor: Actor): void {
	decisionsPolicy.authorize(actor.viewer, rolesOf(actor), "coordinate");
}

/** Whether a decision of this meeting's body may change the programme's vision: only the body the programme recognises for it. */
export function mayChangeVision(programme: { visionBodyId: string | null }, meeting: { bodyId: string }): boolean {
	return programme.visionBodyId !== null && programme.visionBodyId === meeting.bodyId;
}

/** Whether an organisation's record (its adoption, its goal) may rest on this decision: only on one of its own bodies'. */
export function mayReferTo(organisationIds: string[], item: { organisationId: string }): boolean {
	return organisationIds.includes(item.organisationId);
}

/** Whether a person may see a meeting and its items: the public those of approved organisations, members their own. */
export function maySeeMeeting(viewer: Viewer | null, meeting: { organisationId: string; organisationStatus: string }): boolean {
	return maySeeOrganisation(viewer, { id: meeting.organisationId, status: meeting.organisationStatus });
}
