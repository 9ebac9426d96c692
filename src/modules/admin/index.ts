import { registerMessages } from "../../i18n/messages.js";
import { adminMessages } from "./admin.messages.js";
export { adminRoutes } from "./admin.routes.js";

registerMessages(adminMessages);
