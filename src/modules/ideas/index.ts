export { ideasRoutes } from "./ideas.routes.js";
export { forgetIdeasOf, ideaParticipation, ideasDataOf } from "./ideas.service.js";
