import { registerMessages } from "../../i18n/messages.js";
import { proposalsMessages } from "./proposals.messages.js";
export { proposalsRoutes } from "./proposals.routes.js";
export { findProposal, recordAdoptedText } from "./proposals.service.js";
export type { Proposal } from "./proposals.repo.js";
export * as proposalsRepo from "./proposals.repo.js";

registerMessages(proposalsMessages);
