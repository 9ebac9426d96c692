export { indicatorsRoutes } from "./indicators.routes.js";
export { type IndicatorChoice, indicatorChoice, indicatorChoices, indicatorsInFocusArea } from "./indicators.service.js";
export type { Indicator } from "./indicators.repo.js";
export { KoladaClient } from "./kolada.client.js";
export { progressPrinter } from "./kolada.progress.js";
export { scheduleDailyKoladaSync } from "./kolada.schedule.js";
export { syncFromKolada, syncKoladaIndicators } from "./kolada.sync.js";
