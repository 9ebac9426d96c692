import { registerMessages } from "../../i18n/messages.js";
import { programmesMessages } from "./programmes.messages.js";
export { programmesRoutes } from "./programmes.routes.js";
export { actorOf, isCoordinator, requireCoordinator } from "./programmes.policy.js";
export { coordinatorId, getProgramme, handOverCoordination, setVisionBody, startPage } from "./programmes.service.js";
// What others read of the programme's tables, by name (never the whole repo).
export { findProgrammeWithCoordinator, listCoordinators, type Programme, type ProgrammePhase } from "./programmes.repo.js";

registerMessages(programmesMessages);
