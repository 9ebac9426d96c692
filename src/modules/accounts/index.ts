export { accountsRoutes, sessionCookie } from "./accounts.routes.js";
export { administratorEmails, requireAdministrator, requireSignedIn } from "./accounts.service.js";
export { endSession, startSession, viewerForToken } from "./sessions.js";
export { findOrCreateUser, findUserByEmail, findUsers } from "./accounts.repo.js";
