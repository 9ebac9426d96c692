export { organisationsRoutes } from "./organisations.routes.js";
