import { registerMessages } from "../../i18n/messages.js";
import { votesMessages } from "./votes.messages.js";
export { appendAudit } from "./votes.audit.js";
export { castBallot, channels, VoteRefusal, type BallotInput, type Channel, type Voter } from "./votes.cast.js";
export { codeHash, normaliseCode, pinHash, queuedReceiptHash, randomCode, receiptHash, seal, setVoteKey } from "./votes.crypto.js";
export { scheduleBallotMixing } from "./votes.mixing.js";
export { listVoteTitles } from "./votes.repo.js";
export { votesRoutes } from "./votes.routes.js";
export { auditReport, ballotProposalIds, latestVote, publishVote, voteBehindProposal, type VoteSummary } from "./votes.service.js";

registerMessages(votesMessages);
