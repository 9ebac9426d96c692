export { organisationsRoutes } from "./organisations.routes.js";
export { organisationChoices } from "./organisations.repo.js";
export { contactRecipients, organisationExists } from "./organisations.service.js";
