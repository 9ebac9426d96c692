// Who may do what with ideas. Anyone signed in proposes ideas and comments on, supports and reports the ones that are
// shown; coordinators moderate (hide and restore ideas and comments, read reports). A hidden idea or comment is seen
// only by its author, who reads the reason, and by coordinators, who may restore it.
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type IdeaRole = "signedIn" | "author" | "coordinator";

export const ideasPolicy = policyTable<IdeaRole, "propose" | "takePart" | "seeHidden" | "moderate">({
	/** Propose a new idea. */
	propose: ["signedIn"],
	/** Comment on, support and report an idea that is shown. */
	takePart: ["signedIn"],
	/** See an idea or a comment that was hidden. */
	seeHidden: ["author", "coordinator"],
	/** Hide and restore ideas and comments, read the reports. */
	moderate: ["coordinator"],
});

type IdeaAction = keyof typeof ideasPolicy.table;

/** The roles a person holds towards an idea or comment (by its author), or towards ideas at large. */
function rolesOf({ viewer, coordinates }: Actor, authorId?: string): IdeaRole[] {
	if (!viewer) return [];
	const roles: IdeaRole[] = ["signedIn"];
	if (authorId === viewer.id) roles.push("author");
	if (coordinates) roles.push("coordinator");
	return roles;
}

/** Whether the person may take the action, on an idea or comment by `authorId` when given. */
export function may(actor: Actor, action: IdeaAction, authorId?: string): boolean {
	return ideasPolicy.may(rolesOf(actor, authorId), action);
}

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize(actor: Actor, action: IdeaAction): Viewer {
	return ideasPolicy.authorize(actor.viewer, rolesOf(actor), action);
}
