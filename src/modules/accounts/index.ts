import { registerMessages } from "../../i18n/messages.js";
import { accountsMessages } from "./accounts.messages.js";
export { accountsRoutes, sessionCookie } from "./accounts.routes.js";
export { administratorEmails } from "./accounts.service.js";
// Kept here too, where the modules after accounts have always found them.
export { requireAdministrator, requireSignedIn } from "../../plugins/auth.js";
export { endSession, startSession, viewerForToken } from "./sessions.js";
export { findOrCreateUser, findUserByEmail, findUsers } from "./accounts.repo.js";

registerMessages(accountsMessages);
