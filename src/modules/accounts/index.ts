import { registerMessages } from "../../i18n/messages.js";
import { accountsMessages } from "./accounts.messages.js";
export { accountsRoutes, sessionCookie } from "./accounts.routes.js";
export { administratorEmails, requireAdministrator, requireSignedIn } from "./accounts.service.js";
export { endSession, startSession, viewerForToken } from "./sessions.js";
export { findOrCreateUser, findUserByEmail, findUsers } from "./accounts.repo.js";

registerMessages(accountsMessages);
