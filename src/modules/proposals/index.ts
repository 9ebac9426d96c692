import { registerMessages } from "../../i18n/messages.js";
import { proposalsMessages } from "./proposals.messages.js";
export { proposalsRoutes } from "./proposals.routes.js";
export { findProposal, publicProposal, recordAdoptedText, visionPage } from "./proposals.service.js";
// What others read of the proposals' table, by name (never the whole repo).
export { listProposals, type Proposal } from "./proposals.repo.js";
/** Which themes each proposal rests on (linked through synthesis's rules by the composition layer). */
export { proposalThemes } from "./proposal-themes.schema.js";

registerMessages(proposalsMessages);
