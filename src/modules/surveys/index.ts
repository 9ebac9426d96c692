import { registerMessages } from "../../i18n/messages.js";
import { surveysMessages } from "./surveys.messages.js";
export { surveysRoutes } from "./surveys.routes.js";
export { applyRetention, surveyAnswersOf, surveyParticipation } from "./surveys.results.js";

registerMessages(surveysMessages);
