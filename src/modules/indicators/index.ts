export { indicatorsRoutes } from "./indicators.routes.js";
export { type IndicatorChoice, indicatorChoices, indicatorsInFocusArea } from "./indicators.service.js";
export type { Indicator } from "./indicators.repo.js";
