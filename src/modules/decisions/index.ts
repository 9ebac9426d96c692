export { adoptionSchema, decisionsRoutes } from "./decisions.routes.js";
export { amendmentsBehind, decisionChoices, decisionsConcerning, setDecisionBehind, keyDecisions, type PublicAdoption, standingAdoptionOf, standingAdoptions } from "./decisions.service.js";
export type { ItemSummary } from "./decisions.repo.js";
export { AdoptionSentence, AdoptionsTable, ConcerningDecisions } from "./decisions.views.js";
