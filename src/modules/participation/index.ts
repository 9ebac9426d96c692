import { registerMessages } from "../../i18n/messages.js";
import { participationMessages } from "./participation.messages.js";
export { participationRoutes } from "./participation.routes.js";

registerMessages(participationMessages);
