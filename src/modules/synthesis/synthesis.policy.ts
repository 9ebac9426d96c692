import type { Db } from "../../db/client.js";
import { forbidden, unauthorized } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { isCoordinator } from "../programmes/index.js";
import { isAnalyst } from "./synthesis.repo.js";

/** The roles that matter to synthesis. */
export type SynthesisRole = "coordinator" | "analyst" | "signedIn";

/** Who may do what in synthesis: one row per action. */
export const synthesisPolicy = {
	/** Make a person an analyst, or take the role back. */
	manageAnalysts: ["coordinator"],
	/** Read every input, tag, keep themes, import and run suggestions. */
	analyse: ["coordinator", "analyst"],
} as const satisfies Record<string, readonly SynthesisRole[]>;

/** An action in the synthesis policy. */
export type SynthesisAction = keyof typeof synthesisPolicy;

/** The synthesis roles a person holds. */
export async function synthesisRoles(db: Db, viewer: Viewer | null): Promise<SynthesisRole[]> {
	if (!viewer) return [];
	const [coordinator, analyst] = await Promise.all([isCoordinator(db, viewer), isAnalyst(db, viewer.id)]);
	return ["signedIn", ...(coordinator ? (["coordinator"] as const) : []), ...(analyst ? (["analyst"] as const) : [])];
}

/** Whether a person may take an action. */
export async function may(db: Db, viewer: Viewer | null, action: SynthesisAction): Promise<boolean> {
	const roles = await synthesisRoles(db, viewer);
	return synthesisPolicy[action].some((r: SynthesisRole) => roles.includes(r));
}

/** Throws (401 when signed out, 403 otherwise) unless the person may take the action. */
export async function authorize(db: Db, viewer: Viewer | null, action: SynthesisAction): Promise<Viewer> {
	if (!viewer) throw unauthorized();
	if (!(await may(db, viewer, action))) throw forbidden();
	return viewer;
}
