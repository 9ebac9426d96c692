import { registerMessages } from "../../i18n/messages.js";
import { ideasMessages } from "./ideas.messages.js";
export { ideasRoutes } from "./ideas.routes.js";
export { forgetIdeasOf, ideaParticipation, ideasDataOf } from "./ideas.service.js";
/** The tables behind idea and comment inputs, for synthesis to tell who wrote them and link to them. */
export { ideaComments as ideaCommentsTable, ideas as ideasTable } from "./ideas.schema.js";

registerMessages(ideasMessages);
