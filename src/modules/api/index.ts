export { openapiPlugin } from "./api.openapi.js";
export { apiRoutes } from "./api.routes.js";
