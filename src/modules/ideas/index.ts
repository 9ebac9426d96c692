export { ideasRoutes } from "./ideas.routes.js";
export { ideaParticipation } from "./ideas.service.js";
