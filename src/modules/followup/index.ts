import { registerMessages } from "../../i18n/messages.js";
import { registerOwnMeasureValues } from "../goals/index.js";
import { followupMessages } from "./followup.messages.js";
import { publishedOwnValues } from "./followup.repo.js";

registerMessages(followupMessages);
// A goal's page judges an own measure from the values published in follow-up reports.
registerOwnMeasureValues(publishedOwnValues);

export { followupRoutes } from "./followup.routes.js";
export { buildReport, type FollowupReport } from "./report.service.js";
export { scheduleFollowupReminders } from "./reminders.service.js";
