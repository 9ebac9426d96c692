import { registerMessages } from "../../i18n/messages.js";
import { adminMessages } from "./admin.messages.js";
export { adminRoutes } from "./admin.routes.js";
export { type Section, sections as adminSections } from "./admin.service.js";

registerMessages(adminMessages);
