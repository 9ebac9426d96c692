// The shared core of every module's policy: who is asking, and the two ways a policy says no.
import { forbidden, unauthorized } from "../plugins/http-errors.js";
import type { Viewer } from "../ui/context.js";

/** Who acts, as the policies see them: the person (null when nobody is signed in) and whether they coordinate the programme. */
export type Actor = { viewer: Viewer | null; coordinates: boolean };

/** Gives the signed-in person, or refuses with 401 (sign in first). */
export function signedIn(viewer: Viewer | null): Viewer {
	if (!viewer) throw unauthorized();
	return viewer;
}

/** Refuses with 401 when nobody is signed in and 403 when the policy's answer is no. */
export function allow(viewer: Viewer | null, allowed: boolean): Viewer {
	const me = signedIn(viewer);
	if (!allowed) throw forbidden();
	return me;
}

/** Whether the person is a member (or admin) of the organisation. */
export function isMemberOf(viewer: Viewer | null, organisationId: string): boolean {
	return Boolean(viewer?.memberships.some((m) => m.organisationId === organisationId));
}

/** Whether the person is an admin of the organisation. */
export function isAdminOf(viewer: Viewer | null, organisationId: string): boolean {
	return Boolean(viewer?.memberships.some((m) => m.role === "admin" && m.organisationId === organisationId));
}

/** The organisations the person is a member (or admin) of. */
export function memberOrganisationIds(viewer: Viewer | null): string[] {
	return viewer?.memberships.map((m) => m.organisationId) ?? [];
}

/** The organisations the person is an admin of. */
export function adminOrganisationIds(viewer: Viewer | null): string[] {
	return viewer?.memberships.filter((m) => m.role === "admin").map((m) => m.organisationId) ?? [];
}

/** Whether a person may see an organisation and what it records: approved ones everyone, a pending one only its members. */
export function maySeeOrganisation(viewer: Viewer | null, organisation: { id: string; status: string }): boolean {
	return organisation.status === "active" || isMemberOf(viewer, organisation.id);
}

/** Whether the person administers the installation. */
export function isAdministrator(viewer: Viewer | null): boolean {
	return Boolean(viewer?.isAdministrator);
}

/**
 * A module's permissions as one table: each action and the roles that may take it. `may` answers from the roles a person
 * holds; `authorize` refuses with 401 when nobody is signed in and 403 when none of their roles may.
 */
export function policyTable<Role extends string, Action extends string>(table: Record<Action, readonly Role[]>) {
	const may = (held: readonly Role[], action: Action): boolean => table[action].some((role) => held.includes(role));
	return { table, may, authorize: (viewer: Viewer | null, held: readonly Role[], action: Action): Viewer => allow(viewer, may(held, action)) };
}
