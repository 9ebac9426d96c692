// Who may do what with focus areas: everyone reads them; the coordinator creates and changes them. Which areas an
// organisation works in is its own admins' choice (see the organisations policy).
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type FocusAreaRole = "coordinator";

export const focusAreasPolicy = policyTable<FocusAreaRole, "manage">({
	/** List, create and change focus areas in the administration. */
	manage: ["coordinator"],
});

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize({ viewer, coordinates }: Actor, action: keyof typeof focusAreasPolicy.table): Viewer {
	return focusAreasPolicy.authorize(viewer, coordinates ? ["coordinator"] : [], action);
}
