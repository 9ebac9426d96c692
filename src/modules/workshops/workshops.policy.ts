// Who may do what with workshops. Anyone reads them and signs up while sign-up is open; the coordinator creates and
// changes workshops and names each one's facilitator; the facilitator (and the coordinator) enters the groups' notes
// and the outcome and sees who signed up; whoever entered a note (and the coordinator) corrects or withdraws it.
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type WorkshopRole = "coordinator" | "facilitator" | "noteAuthor";

export const workshopsPolicy = policyTable<WorkshopRole, "administer" | "facilitate" | "correctNote">({
	/** Create, change and list workshops, naming their facilitators. */
	administer: ["coordinator"],
	/** Enter a workshop's notes and outcome, see and export its sign-ups. */
	facilitate: ["coordinator", "facilitator"],
	/** Correct or withdraw a note, and read its earlier versions. */
	correctNote: ["coordinator", "noteAuthor"],
});

type WorkshopAction = keyof typeof workshopsPolicy.table;
/** What a workshop's roles rest on: the workshop (its facilitator), the note (who entered it). */
type About = { workshop?: { facilitatorId: string | null }; note?: { enteredBy: string | null } };

function rolesOf({ viewer, coordinates }: Actor, { workshop, note }: About): WorkshopRole[] {
	if (!viewer) return [];
	const roles: WorkshopRole[] = coordinates ? ["coordinator"] : [];
	if (workshop && workshop.facilitatorId === viewer.id) roles.push("facilitator");
	if (note && note.enteredBy === viewer.id) roles.push("noteAuthor");
	return roles;
}

/** Whether the person may take the action (on the workshop, when given). */
export function may(actor: Actor, action: WorkshopAction, about: About = {}): boolean {
	return workshopsPolicy.may(rolesOf(actor, about), action);
}

/** Throws (401 signed out, 403 otherwise) unless the person may take the action (on the workshop, when given); gives the person. */
export function authorize(actor: Actor, action: WorkshopAction, about: About = {}): Viewer {
	return workshopsPolicy.authorize(actor.viewer, rolesOf(actor, about), action);
}
