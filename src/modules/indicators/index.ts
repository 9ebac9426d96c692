import { registerMessages } from "../../i18n/messages.js";
import { indicatorsMessages } from "./indicators.messages.js";
export { indicatorsRoutes } from "./indicators.routes.js";
export { type IndicatorChoice, type IndicatorWithValues, indicatorChoices, indicatorsInFocusArea, indicatorsWithSeries, type Revised, type Series, targetIndicator, targetProgress } from "./indicators.service.js";
export { LatestValues, RevisedNote } from "./indicators.views.js";
export type { Indicator } from "./indicators.repo.js";
export { KoladaClient } from "./kolada.client.js";
export { progressPrinter } from "./kolada.progress.js";
export { scheduleDailyKoladaSync } from "./kolada.schedule.js";
export { syncFromKolada, syncKoladaIndicators } from "./kolada.sync.js";

registerMessages(indicatorsMessages);
export { goalProgress, type Point, type Progress, type ProgressState, progressStates } from "./progress.js";
export { ProgressNote } from "./progress.views.js";
