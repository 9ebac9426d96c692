import { registerMessages } from "../../i18n/messages.js";
import { initiativesMessages } from "./initiatives.messages.js";
// First: collaboration, which the routes reach, reads these limits while this module is still loading.
export { limits as initiativeLimits } from "./initiatives.input.js";
export { initiativesRoutes } from "./initiatives.routes.js";
export { type InitiativeWithOwners, initiativesInFocusArea, initiativesOfOrganisation } from "./initiatives.service.js";
export { addOwners, findInitiative, insertInitiative } from "./initiatives.repo.js";
export { InitiativeList } from "./initiatives.views.js";

registerMessages(initiativesMessages);
