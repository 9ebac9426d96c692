export { arenasRoutes } from "./arenas.routes.js";
export { arenaMeetingsFor, canEditMeetingsIn, type MeetingSummary, upcomingArenaMeetings } from "./arenas.service.js";
export { ArenaMeetingList } from "./arenas.views.js";
