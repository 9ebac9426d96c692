import { registerMessages } from "../../i18n/messages.js";
import { programmesMessages } from "./programmes.messages.js";
export { programmesRoutes } from "./programmes.routes.js";
export { coordinatorId, getProgramme, startPage, handOverCoordination, isCoordinator, requireCoordinator } from "./programmes.service.js";
export type { Programme, ProgrammePhase } from "./programmes.repo.js";
export * as programmesRepo from "./programmes.repo.js";

registerMessages(programmesMessages);
