export { accountsRoutes, sessionCookie } from "./accounts.routes.js";
export { endSession, startSession, viewerForToken } from "./sessions.js";
