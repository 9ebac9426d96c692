export { followupMessages } from "./followup.messages.js";
export { followupRoutes } from "./followup.routes.js";
