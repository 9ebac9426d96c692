// Who may do what with votes. The coordinator runs a vote from its creation to its published results and alone sees
// letter codes in the clear. Anyone may vote on the voting page (the channel then checks who votes: e-ID, a letter
// code or an account), check a receipt, and read the results once the vote shows them.
import { type Actor, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";
import type { Vote } from "./votes.repo.js";

type VoteRole = "coordinator";

export const votesPolicy = policyTable<VoteRole, "see" | "create" | "changeStage" | "importRoll" | "issueCodes" | "printCodes" | "enterPaper">({
	/** The list of votes and a vote's administration page with its counts and audit log. */
	see: ["coordinator"],
	/** A new vote on the programme's proposals. */
	create: ["coordinator"],
	/** Open (freezing the texts), close early, publish the results, or delete a vote never opened. */
	changeStage: ["coordinator"],
	/** Read in the voter roll. */
	importRoll: ["coordinator"],
	/** Issue letter codes. */
	issueCodes: ["coordinator"],
	/** Letter codes in the clear: the print shop's file, printable letters, and letters with names and addresses. */
	printCodes: ["coordinator"],
	/** Enter paper ballots, each voter checked by their personal identity number. */
	enterPaper: ["coordinator"],
});

type VoteAction = keyof typeof votesPolicy.table;

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize({ viewer, coordinates }: Actor, action: VoteAction): Viewer {
	return votesPolicy.authorize(viewer, coordinates ? ["coordinator"] : [], action);
}

/** Whether anyone may see a vote's counts: once published, or live during the vote when it was set up to show them. */
export function mayShowResults(vote: Pick<Vote, "resultsPublishedAt" | "resultsBeforeClose" | "frozenAt">): boolean {
	return vote.resultsPublishedAt !== null || (vote.resultsBeforeClose && vote.frozenAt !== null);
}
