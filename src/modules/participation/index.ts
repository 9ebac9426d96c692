export { participationRoutes } from "./participation.routes.js";
