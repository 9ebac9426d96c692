export { accountsRoutes, sessionCookie } from "./accounts.routes.js";
export { requireAdministrator, requireSignedIn } from "./accounts.service.js";
export { endSession, startSession, viewerForToken } from "./sessions.js";
