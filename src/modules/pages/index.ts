import { registerMessages } from "../../i18n/messages.js";
import { pagesMessages } from "./pages.messages.js";
export { pagesRoutes } from "./pages.routes.js";

registerMessages(pagesMessages);
