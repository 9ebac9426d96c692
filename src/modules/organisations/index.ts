import { registerMessages } from "../../i18n/messages.js";
import { organisationsMessages } from "./organisations.messages.js";
export { organisationsRoutes } from "./organisations.routes.js";
export { organisationChoices } from "./organisations.repo.js";
export { contactRecipients, organisationExists } from "./organisations.service.js";
export { maySee, visibleTo } from "./organisations.policy.js";

registerMessages(organisationsMessages);
