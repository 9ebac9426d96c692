import { registerMessages } from "../../i18n/messages.js";
import { apiMessages } from "./api.messages.js";
export { openapiPlugin } from "./api.openapi.js";
export { apiRoutes } from "./api.routes.js";

registerMessages(apiMessages);
