import { registerMessages } from "../../i18n/messages.js";
import { registerPageSection } from "../../ui/sections.js";
import { decisionsMessages } from "./decisions.messages.js";
import { adoptionOfOrganisation } from "./decisions.service.js";
import { OrganisationAdoption } from "./decisions.views.js";
export { adoptionSchema, decisionsRoutes } from "./decisions.routes.js";
export { adoptionOfOrganisation, amendmentsBehind, decisionChoices, decisionsConcerning, setDecisionBehind, keyDecisions, type PublicAdoption, standingAdoptionOf, standingAdoptions } from "./decisions.service.js";
export type { ItemSummary } from "./decisions.repo.js";
export { type DecisionLinkKind, registerDecisionLinks } from "./decisions.links.js";
export { AdoptionSentence, AdoptionsTable, ConcerningDecisions } from "./decisions.views.js";

registerMessages(decisionsMessages);
// An organisation's profile says whether it stands behind the vision: organisations come before decisions.
registerPageSection("organisation", "adoption", { load: adoptionOfOrganisation, View: OrganisationAdoption, rank: 3 });
