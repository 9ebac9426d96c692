export { indicatorsRoutes } from "./indicators.routes.js";
export { type IndicatorChoice, indicatorChoice, indicatorChoices, indicatorsInFocusArea } from "./indicators.service.js";
export type { Indicator } from "./indicators.repo.js";
