// Who may do what with indicators: everyone reads them and their values on the public pages; the coordinator
// defines them, links them to focus areas and fetches their values from Kolada.
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type IndicatorRole = "coordinator";

export const indicatorsPolicy = policyTable<IndicatorRole, "manage">({
	/** List, create and change indicators, and fetch their Kolada values. */
	manage: ["coordinator"],
});

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize({ viewer, coordinates }: Actor, action: keyof typeof indicatorsPolicy.table): Viewer {
	return indicatorsPolicy.authorize(viewer, coordinates ? ["coordinator"] : [], action);
}
