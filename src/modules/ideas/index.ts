import { registerMessages } from "../../i18n/messages.js";
import { ideasMessages } from "./ideas.messages.js";
export { ideasRoutes } from "./ideas.routes.js";
export { forgetIdeasOf, ideaParticipation, ideasDataOf } from "./ideas.service.js";

registerMessages(ideasMessages);
