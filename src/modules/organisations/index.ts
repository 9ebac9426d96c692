import { registerMessages } from "../../i18n/messages.js";
import { organisationsMessages } from "./organisations.messages.js";
export { organisationProperties, organisationRequired, organisationsRoutes } from "./organisations.routes.js";
export { organisationChoices } from "./organisations.repo.js";
export { contactRecipients, organisationExists, organisationProfile, type PublicOrganisation, publicOrganisations } from "./organisations.service.js";
export { maySee, visibleTo } from "./organisations.policy.js";

registerMessages(organisationsMessages);
