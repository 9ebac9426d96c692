import { registerMessages } from "../../i18n/messages.js";
import { arenasMessages } from "./arenas.messages.js";
export { arenasRoutes } from "./arenas.routes.js";
export { arenaMeetingsFor, type MeetingSummary, upcomingArenaMeetings } from "./arenas.service.js";
export { ArenaMeetingList } from "./arenas.views.js";

registerMessages(arenasMessages);
