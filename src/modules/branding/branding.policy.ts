// Who may do what with the site's look: everyone sees it; the installation's administrators change its name, colours,
// logo and favicon.
import { isAdministrator, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type BrandingRole = "administrator";

export const brandingPolicy = policyTable<BrandingRole, "changeLook">({
	/** Change the site's name, colours, logo and favicon. */
	changeLook: ["administrator"],
});

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize(viewer: Viewer | null, action: keyof typeof brandingPolicy.table): Viewer {
	return brandingPolicy.authorize(viewer, isAdministrator(viewer) ? ["administrator"] : [], action);
}
