import { registerMessages } from "../../i18n/messages.js";
import { followupMessages } from "./followup.messages.js";

registerMessages(followupMessages);

export { followupRoutes } from "./followup.routes.js";
export { buildReport, type FollowupReport } from "./report.service.js";
