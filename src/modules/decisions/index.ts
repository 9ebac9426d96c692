export { adoptionSchema, decisionsRoutes } from "./decisions.routes.js";
export { type PublicAdoption, standingAdoptionOf, standingAdoptions } from "./decisions.service.js";
export { AdoptionSentence, AdoptionsTable } from "./decisions.views.js";
