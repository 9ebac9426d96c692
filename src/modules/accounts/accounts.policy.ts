// Who may do what with accounts. Anyone signed in reads, renames, downloads and deletes their own account (signing in
// itself is open to all); only the installation's administrators list everyone, give and take memberships and make
// others administrators.
import { isAdministrator, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type AccountRole = "signedIn" | "administrator";

export const accountsPolicy = policyTable<AccountRole, "ownAccount" | "administerPeople">({
	/** Read, rename, download and delete one's own account. */
	ownAccount: ["signedIn"],
	/** List everyone, give and take memberships, make or unmake administrators. */
	administerPeople: ["administrator"],
});

function rolesOf(viewer: Viewer | null): AccountRole[] {
	if (!viewer) return [];
	return isAdministrator(viewer) ? ["signedIn", "administrator"] : ["signedIn"];
}

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize(viewer: Viewer | null, action: keyof typeof accountsPolicy.table): Viewer {
	return accountsPolicy.authorize(viewer, rolesOf(viewer), action);
}

