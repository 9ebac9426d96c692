// Who may do what with organisations. The public sees approved organisations; while an organisation is
// pending (registered, not yet approved by the coordinator) only its own members see it or anything it records.
// Its members use its workspace; its admins invite, change roles, choose focus areas and set its contact.
import { allow, isAdminOf, isMemberOf, maySeeOrganisation } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

/** Whether a person may see an organisation and what it records: approved ones everyone, pending ones their members. */
export const maySee = maySeeOrganisation;

/** Throws unless the person is a member of the organisation (to open its workspace); gives whether they are its admin. */
export function requireMember(viewer: Viewer | null, organisationId: string): { me: Viewer; isAdmin: boolean } {
	const me = allow(viewer, isMemberOf(viewer, organisationId));
	return { me, isAdmin: isAdminOf(me, organisationId) };
}

/** Throws unless the person is an admin of the organisation (to manage its members, areas and contact). */
export function requireAdmin(viewer: Viewer | null, organisationId: string): Viewer {
	return allow(viewer, isAdminOf(viewer, organisationId));
}

/** `maySee` as a query filter, used by every public listing and the API. */
export { visibleTo } from "./organisations.schema.js";
