export { surveysRoutes } from "./surveys.routes.js";
export { applyRetention, surveyAnswersOf, surveyParticipation } from "./surveys.results.js";
