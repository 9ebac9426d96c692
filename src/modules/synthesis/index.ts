import { registerMessages } from "../../i18n/messages.js";
import { synthesisMessages } from "./synthesis.messages.js";

registerMessages(synthesisMessages);

export { synthesisRoutes } from "./synthesis.routes.js";
