// Who may do what with organisations. The public sees approved organisations; while an organisation is
// pending (registered, not yet approved by the coordinator) only its own members see it or anything it records.
// Any signed-in person registers an organisation (as its admin, pending) and writes to one; its members use its
// workspace; its admins invite, change roles, choose focus areas and set its contact; an invited person accepts
// with the address the invitation went to. The coordinator lists, registers, changes, approves and declines them:
// that check is the programmes policy's requireCoordinator, which this module (ranked before programmes) cannot import.
import { isAdminOf, isMemberOf, maySeeOrganisation, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

/** "member" and "admin" hold of the organisation acted on (an admin is a member too). */
type OrganisationRole = "signedIn" | "member" | "admin";

export const organisationsPolicy = policyTable<OrganisationRole, "takePart" | "useWorkspace" | "manage">({
	/** Register an organisation, write to one, accept an invitation (with the address it went to). */
	takePart: ["signedIn"],
	/** Open the organisation's workspace. */
	useWorkspace: ["member"],
	/** Invite, change members' roles, choose focus areas, set the contact. */
	manage: ["admin"],
});

function rolesOf(viewer: Viewer | null, organisationId?: string): OrganisationRole[] {
	if (!viewer) return [];
	const roles: OrganisationRole[] = ["signedIn"];
	if (organisationId !== undefined && isMemberOf(viewer, organisationId)) roles.push("member");
	if (organisationId !== undefined && isAdminOf(viewer, organisationId)) roles.push("admin");
	return roles;
}

/** Whether a person may see an organisation and what it records: approved ones everyone, pending ones their members. */
export const maySee = maySeeOrganisation;

/** Whether a person may open the organisation's workspace: its members. */
export function mayUseWorkspace(viewer: Viewer | null, organisationId: string): boolean {
	return organisationsPolicy.may(rolesOf(viewer, organisationId), "useWorkspace");
}

/** Accepting an invitation: any signed-in person (401 otherwise), with the address it went to. Registering an
 * organisation and writing to one ask the same, through accounts' requireSignedIn until the module no longer reaches
 * accounts by that path (the dependency check's cycle baseline follows the imports as they are). */
export function requirePerson(viewer: Viewer | null): Viewer {
	return organisationsPolicy.authorize(viewer, rolesOf(viewer), "takePart");
}

/** Throws 401 when nobody is signed in (before the organisation is looked up), then 403 unless they are its member; gives whether they are its admin. */
export async function requireMember<O extends { id: string }>(viewer: Viewer | null, load: () => Promise<O>): Promise<{ organisation: O; me: Viewer; isAdmin: boolean }> {
	requirePerson(viewer);
	const organisation = await load();
	const roles = rolesOf(viewer, organisation.id);
	const me = organisationsPolicy.authorize(viewer, roles, "useWorkspace");
	return { organisation, me, isAdmin: organisationsPolicy.may(roles, "manage") };
}

/** Throws 401 when nobody is signed in (before the organisation is looked up), then 403 unless they are its admin (to manage its members, areas and contact). */
export async function requireAdmin<O extends { id: string }>(viewer: Viewer | null, load: () => Promise<O>): Promise<{ organisation: O; me: Viewer }> {
	requirePerson(viewer);
	const organisation = await load();
	return { organisation, me: organisationsPolicy.authorize(viewer, rolesOf(viewer, organisation.id), "manage") };
}

/** `maySee` as a query filter, used by every public listing and the API. */
export { visibleTo } from "./organisations.schema.js";
