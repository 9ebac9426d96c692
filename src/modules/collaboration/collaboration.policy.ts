// Who may do what in collaboration: everyone sees related goals; the members of an approved organisation propose
// collaboration to others and read their organisation's requests; of a request, the receiving organisation's members
// accept or decline it and the proposing organisation's members withdraw it. Inviting a further owner into a joint
// initiative is for the initiative's owners (see the initiatives policy).
import { isMemberOf, policyTable, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

/** "member" of the organisation acting; of a request, "receiver" and "sender" are the members of the side it went to and came from. */
type CollaborationRole = "member" | "receiver" | "sender";

export const collaborationPolicy = policyTable<CollaborationRole, "propose" | "answer" | "withdraw">({
	/** Propose collaboration for one's organisation and read its requests. */
	propose: ["member"],
	/** Accept or decline a request. */
	answer: ["receiver"],
	/** Withdraw a request. */
	withdraw: ["sender"],
});

/** Throws 401 when nobody is signed in (before the organisation is looked up), then 403 unless they are its member. */
export async function requireMember<O extends { id: string }>(viewer: Viewer | null, load: () => Promise<O>): Promise<{ viewer: Viewer; organisation: O }> {
	const me = signedIn(viewer);
	const organisation = await load();
	collaborationPolicy.authorize(me, isMemberOf(me, organisation.id) ? ["member"] : [], "propose");
	return { viewer: me, organisation };
}

/** Which side of a request its organisation is on: the one that received it, or the one that sent it. */
export type Side = "incoming" | "outgoing";

/** Throws 403 unless the member's organisation is on the side that gives this answer: incoming accepts or declines, outgoing withdraws. */
export function requireSide(viewer: Viewer | null, theirs: Side, answering: Side): void {
	collaborationPolicy.authorize(viewer, [theirs === "incoming" ? "receiver" : "sender"], answering === "incoming" ? "answer" : "withdraw");
}
