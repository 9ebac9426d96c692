// A vote's stages, from draft to published, and the coordinator's steps between them.
import type { Vote } from "./votes.repo.js";

/** Where a vote is in its life: each stage allows the coordinator different steps. */
export type VoteStage = "draft" | "opened" | "voting" | "closed" | "published";

/** A vote's stage now: a draft until opened, then waiting for its period, voting, closed, and published at the end. */
export function voteStage(vote: Pick<Vote, "frozenAt" | "opensAt" | "closesAt" | "resultsPublishedAt">, now = new Date()): VoteStage {
	if (vote.resultsPublishedAt) return "published";
	if (!vote.frozenAt) return "draft";
	if (now >= vote.closesAt) return "closed";
	return now >= vote.opensAt ? "voting" : "opened";
}

/** The steps that change a vote's stage, each asked for on a page of its own first. */
export type VoteStep = "open" | "close" | "publish" | "delete";

/** The stage each step starts from. */
const stepFrom: Record<VoteStep, VoteStage> = { open: "draft", close: "voting", publish: "closed", delete: "draft" };

/** Whether the vote is at the stage the step starts from. */
export function stepAllowed(vote: Vote, step: VoteStep): boolean {
	return voteStage(vote) === stepFrom[step];
}

/** The steps the coordinator can take at the vote's stage now. */
export function stepsNow(vote: Vote): VoteStep[] {
	return (Object.keys(stepFrom) as VoteStep[]).filter((step) => stepAllowed(vote, step));
}
