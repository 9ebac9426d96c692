// Who may do what with joint initiatives: everyone reads them; the members of any of an initiative's owner
// organisations change its title and description and invite a further organisation to co-own it, each speaking for
// the owner they belong to. Its goals follow the goals policy, where the owners are the initiative's.
import { isMemberOf, policyTable, signedIn } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type Ref = { id: string; name: string };
/** "ownerMember" belongs to one of the initiative's owner organisations. */
type InitiativeRole = "ownerMember";

export const initiativesPolicy = policyTable<InitiativeRole, "change">({
	/** Change the title and description, invite a further owner, see the pending invitations. */
	change: ["ownerMember"],
});

/** The owner organisation a person acts for on an initiative, or null when they belong to none of its owners. */
export function actingOwner(viewer: Viewer | null, initiative: { owners: Ref[] }): Ref | null {
	return initiative.owners.find((o) => isMemberOf(viewer, o.id)) ?? null;
}

/** Throws 401 when nobody is signed in (before the initiative is looked up), then 403 unless they belong to one of its owners; gives the owner they act for. */
export async function requireOwner<I extends { owners: Ref[] }>(viewer: Viewer | null, load: () => Promise<I>): Promise<{ viewer: Viewer; initiative: I; acting: Ref }> {
	const me = signedIn(viewer);
	const initiative = await load();
	const acting = actingOwner(me, initiative);
	initiativesPolicy.authorize(me, acting ? ["ownerMember"] : [], "change");
	return { viewer: me, initiative, acting: acting! };
}
