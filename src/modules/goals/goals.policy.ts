// Who may do what with goals. An owner's goals (an organisation's, or a joint initiative's) are set and changed by
// the members of the owner organisation(s), each change speaking for the organisation they act for. Comments come
// from the coordinator and from members of approved organisations; a pending organisation speaks nowhere in public.
import type { Db } from "../../db/client.js";
import { type Actor, allow, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import { initiativeOwnerIds } from "./goals.repo.js";

/** Who owns a goal: one organisation or one joint initiative. */
export type Owner = { organisationId: string } | { initiativeId: string };

/** The owner organisations behind an owner: the organisation itself, or every owner of the initiative. */
export async function ownerOrganisationIds(db: Db, owner: Owner): Promise<string[]> {
	return "organisationId" in owner ? [owner.organisationId] : initiativeOwnerIds(db, owner.initiativeId);
}

/** The owner organisation a person acts for when changing the owner's goals, or null if they may not. */
export async function actingOrganisation(db: Db, viewer: Viewer | null, owner: Owner): Promise<string | null> {
	if (!viewer) return null;
	const ids = await ownerOrganisationIds(db, owner);
	return viewer.memberships.find((m) => ids.includes(m.organisationId))?.organisationId ?? null;
}

/** Whether a person may create and change the goals of an owner. */
export async function canEditGoalsOf(db: Db, viewer: Viewer | null, owner: Owner): Promise<boolean> {
	return (await actingOrganisation(db, viewer, owner)) !== null;
}

/** Throws (401 signed out, 403 otherwise) unless the person may change the owner's goals; gives the organisation they act for. */
export async function requireEditor(db: Db, viewer: Viewer | null, owner: Owner): Promise<string> {
	signedIn(viewer);
	const acting = await actingOrganisation(db, viewer, owner);
	allow(viewer, acting !== null);
	return acting!;
}

/** A person about to comment: who they are, whether they coordinate, and the approved organisations there are. */
export type Commenter = Actor & { approved: string[] };

/** Whether a person may comment on goals: the coordinator, or a member of an approved organisation. */
export function mayComment({ viewer, coordinates, approved }: Commenter): boolean {
	return coordinates || Boolean(viewer?.memberships.some((m) => approved.includes(m.organisationId)));
}

/** Throws 401 when nobody is signed in (before the goal is looked up), then 403 unless they may comment; gives the goal and the commenter. */
export async function requireCommenter<G>(viewer: Viewer | null, load: () => Promise<G>, facts: (me: Viewer) => Promise<Commenter>): Promise<{ me: Viewer; found: G; commenter: Commenter }> {
	const me = signedIn(viewer);
	const found = await load();
	const commenter = await facts(me);
	allow(me, mayComment(commenter));
	return { me, found, commenter };
}

/** The organisation a comment speaks for: the coordinating one when its admin writes, else their first approved one. */
export function commentSpeaksFor({ viewer, approved }: Commenter, coordinatorId: string | null): string | null {
	const own = viewer?.memberships.filter((m) => approved.includes(m.organisationId)) ?? [];
	return own.find((m) => m.organisationId === coordinatorId && m.role === "admin")?.organisationId ?? own[0]?.organisationId ?? null;
}
