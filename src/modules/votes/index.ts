export { latestVote, type VoteSummary } from "./votes.service.js";
