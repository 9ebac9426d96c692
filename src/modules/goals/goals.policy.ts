// Who may do what with goals. An owner's goals (an organisation's, or a joint initiative's) are set and changed by
// the members of the owner organisation(s), each change speaking for the organisation they act for. Comments come
// from the coordinator and from members of approved organisations; a pending organisation speaks nowhere in public.
import { type Actor, allow, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

/** The owner organisation a person acts for when changing the owner's goals, or null if they may not. */
export function actingOrganisation(viewer: Viewer | null, ownerOrganisationIds: string[]): string | null {
	return viewer?.memberships.find((m) => ownerOrganisationIds.includes(m.organisationId))?.organisationId ?? null;
}

/** Throws unless the person may change the owner's goals; gives the organisation they act for. */
export function requireEditor(viewer: Viewer | null, ownerOrganisationIds: string[]): string {
	signedIn(viewer);
	const acting = actingOrganisation(viewer, ownerOrganisationIds);
	allow(viewer, acting !== null);
	return acting!;
}

/** A person about to comment: who they are, whether they coordinate, and the approved organisations there are. */
export type Commenter = Actor & { approved: string[] };

/** Whether a person may comment on goals: the coordinator, or a member of an approved organisation. */
export function mayComment({ viewer, coordinates, approved }: Commenter): boolean {
	return coordinates || Boolean(viewer?.memberships.some((m) => approved.includes(m.organisationId)));
}

/** The organisation a comment speaks for: the coordinating one when its admin writes, else their first approved one. */
export function commentSpeaksFor({ viewer, approved }: Commenter, coordinatorId: string | null): string | null {
	const own = viewer?.memberships.filter((m) => approved.includes(m.organisationId)) ?? [];
	return own.find((m) => m.organisationId === coordinatorId && m.role === "admin")?.organisationId ?? own[0]?.organisationId ?? null;
}
