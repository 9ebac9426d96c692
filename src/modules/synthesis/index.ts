import { registerMessages } from "../../i18n/messages.js";
import { synthesisMessages } from "./synthesis.messages.js";

registerMessages(synthesisMessages);

export { synthesisRoutes } from "./synthesis.routes.js";
/** Import of a survey export from the command line. */
export { recordFileImport, runImport } from "./imports.service.js";
export { TableError } from "./synthesis.table.js";
