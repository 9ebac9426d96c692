// Who may do what with the vision proposals. The coordinator writes and changes the proposals a vote puts on its
// ballot; everyone reads them, the vision in force and its amendments (/vision and the API). The adopted text itself
// changes only through a decision of the body the programme recognises for it (see decisions.policy.ts).
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type ProposalRole = "coordinator";

export const proposalsPolicy = policyTable<ProposalRole, "see" | "write">({
	/** The coordinator's list of proposals and their edit forms. */
	see: ["coordinator"],
	/** Add a proposal or change one's number, title or subtext. */
	write: ["coordinator"],
});

type ProposalAction = keyof typeof proposalsPolicy.table;

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize({ viewer, coordinates }: Actor, action: ProposalAction): Viewer {
	return proposalsPolicy.authorize(viewer, coordinates ? ["coordinator"] : [], action);
}
