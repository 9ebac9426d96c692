export { proposalsRoutes } from "./proposals.routes.js";
