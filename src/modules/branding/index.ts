import { registerMessages } from "../../i18n/messages.js";
import { brandingMessages } from "./branding.messages.js";
export { brandingRoutes } from "./branding.routes.js";
export { siteBranding } from "./branding.service.js";

registerMessages(brandingMessages);
