// Who may do what with decisions and adoptions. An official of a decision body is an admin of the organisation
// the body belongs to; the programme's coordinator (and an administrator) is an official of every body, so it can
// record on others' behalf. Only the coordinator names the body the programme recognises for the vision and hands
// the coordination over. Whatever an official records, the public sees only once its organisation is approved.
import { type Actor, adminOrganisationIds, allow, maySeeOrganisation, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

/** The organisations a person may record decisions and adoptions for: "all" for the coordinator, else those they are an admin of. */
export function officialOrganisations({ viewer, coordinates }: Actor): "all" | string[] {
	signedIn(viewer);
	return coordinates ? "all" : adminOrganisationIds(viewer);
}

/** Throws unless the person is an official of the organisation. */
export function requireOfficialFor(actor: Actor, organisationId: string): void {
	const allowed = officialOrganisations(actor);
	allow(actor.viewer, allowed === "all" || allowed.includes(organisationId));
}

/** Throws unless the person is an official of at least one organisation; gives the organisations they may act for. */
export function requireSomeOffice(actor: Actor): "all" | string[] {
	const allowed = officialOrganisations(actor);
	allow(actor.viewer, allowed === "all" || allowed.length > 0);
	return allowed;
}

/** Throws unless the person may name the vision's body or hand the coordination over: the coordinator. */
export function requireCoordination({ viewer, coordinates }: Actor): void {
	allow(viewer, coordinates);
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
