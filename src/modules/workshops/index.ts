import { registerMessages } from "../../i18n/messages.js";
import { workshopsMessages } from "./workshops.messages.js";
export { workshopsRoutes } from "./workshops.routes.js";
export {
	applyRegistrationRetention,
	forgetRegistrationsOf,
	registrationRetentionDays,
	registrationsOf,
	workshopEvents,
	workshopParticipation,
} from "./workshops.service.js";

registerMessages(workshopsMessages);
