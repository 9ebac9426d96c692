export { workshopsRoutes } from "./workshops.routes.js";
export {
	applyRegistrationRetention,
	forgetRegistrationsOf,
	registrationRetentionDays,
	registrationsOf,
	workshopEvents,
	workshopParticipation,
} from "./workshops.service.js";
