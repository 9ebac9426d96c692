export { workshopsRoutes } from "./workshops.routes.js";
export { workshopParticipation } from "./workshops.service.js";
export { stockholmInstant, stockholmParts } from "./workshops.time.js";
