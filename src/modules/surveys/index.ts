export { surveysRoutes } from "./surveys.routes.js";
export { applyRetention, surveyParticipation } from "./surveys.results.js";
