import { registerMessages } from "../../i18n/messages.js";
import { programmesMessages } from "./programmes.messages.js";
export { programmesRoutes } from "./programmes.routes.js";
export { isCoordinator, requireCoordinator } from "./programmes.policy.js";
export { coordinatorId, getProgramme, handOverCoordination, setVisionBody, startPage } from "./programmes.service.js";
export type { Programme, ProgrammePhase } from "./programmes.repo.js";
export * as programmesRepo from "./programmes.repo.js";

registerMessages(programmesMessages);
