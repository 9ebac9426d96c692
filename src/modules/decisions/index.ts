import { registerMessages } from "../../i18n/messages.js";
import { decisionsMessages } from "./decisions.messages.js";
export { adoptionSchema, decisionsRoutes } from "./decisions.routes.js";
export { amendmentsBehind, decisionChoices, decisionsConcerning, setDecisionBehind, keyDecisions, type PublicAdoption, standingAdoptionOf, standingAdoptions } from "./decisions.service.js";
export type { ItemSummary } from "./decisions.repo.js";
export { type DecisionLinkKind, registerDecisionLinks } from "./decisions.links.js";
export { AdoptionSentence, AdoptionsTable, ConcerningDecisions } from "./decisions.views.js";

registerMessages(decisionsMessages);
