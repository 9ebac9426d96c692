import { registerMessages } from "../../i18n/messages.js";
import { helpMessages } from "./help.messages.js";
export { helpRoutes } from "./help.routes.js";

registerMessages(helpMessages);
