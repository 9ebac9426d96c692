import { registerMessages } from "../../i18n/messages.js";
import { registerPageSection } from "../../ui/sections.js";
import { initiativesMessages } from "./initiatives.messages.js";
import { initiativesOfOrganisation } from "./initiatives.service.js";
import { OrganisationInitiatives } from "./initiatives.views.js";
// First: collaboration, which the routes reach, reads these limits while this module is still loading.
export { limits as initiativeLimits } from "./initiatives.input.js";
export { initiativesRoutes } from "./initiatives.routes.js";
export { type InitiativeWithOwners, initiativesInFocusArea, initiativesOfOrganisation } from "./initiatives.service.js";
export { addOwners, findInitiative, insertInitiative } from "./initiatives.repo.js";
export { InitiativeList } from "./initiatives.views.js";

registerMessages(initiativesMessages);
// An organisation's profile lists the joint initiatives it is part of: organisations come before initiatives.
registerPageSection("organisation", "initiatives", { load: initiativesOfOrganisation, View: OrganisationInitiatives, rank: 2 });
