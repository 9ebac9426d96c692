// Who may do what with the pool of inputs. The pool mixes public texts (ideas, comments, workshop notes) with survey
// answers, which are not public: so its list, search, export and API are for coordinators only. Inputs enter the pool
// through the modules they come from, under those modules' own policies.
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type InputsRole = "coordinator";

export const inputsPolicy = policyTable<InputsRole, "readPool">({
	/** List, search and export every input. */
	readPool: ["coordinator"],
});

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize({ viewer, coordinates }: Actor, action: keyof typeof inputsPolicy.table): Viewer {
	return inputsPolicy.authorize(viewer, coordinates ? ["coordinator"] : [], action);
}
