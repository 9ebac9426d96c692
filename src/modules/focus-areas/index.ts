export { focusAreasRoutes } from "./focus-areas.routes.js";
export { focusAreasByOrganisation } from "./focus-areas.service.js";
