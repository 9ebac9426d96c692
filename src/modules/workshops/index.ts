import { registerMessages } from "../../i18n/messages.js";
import { workshopsMessages } from "./workshops.messages.js";
export { workshopsRoutes } from "./workshops.routes.js";
/** The table behind workshop inputs, for synthesis to tell which group wrote a note and link to its workshop. */
export { workshopNotes as workshopNotesTable } from "./workshops.schema.js";
export {
	applyRegistrationRetention,
	forgetRegistrationsOf,
	registrationRetentionDays,
	registrationsOf,
	workshopEvents,
	workshopParticipation,
} from "./workshops.service.js";

registerMessages(workshopsMessages);
