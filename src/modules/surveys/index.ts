import { registerMessages } from "../../i18n/messages.js";
import { surveysMessages } from "./surveys.messages.js";
export { surveysRoutes } from "./surveys.routes.js";
export { applyRetention, surveyAnswersOf, surveyParticipation } from "./surveys.results.js";
/** The tables behind survey inputs, for synthesis to tell who answered and whether the survey lets quotes be published. */
export { surveyAnswers as surveyAnswersTable, surveyResponses as surveyResponsesTable, surveys as surveysTable } from "./surveys.schema.js";

registerMessages(surveysMessages);
