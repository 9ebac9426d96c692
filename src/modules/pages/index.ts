import { registerMessages } from "../../i18n/messages.js";
import { registerPageSection } from "../../ui/sections.js";
import { registerThemeCarrier } from "../synthesis/index.js";
import { GoalGrounds, goalGrounds } from "./goal-grounds.js";
import { pagesMessages } from "./pages.messages.js";
import { proposalsOnThemes } from "./proposal-trace.service.js";
export { pagesRoutes } from "./pages.routes.js";

registerMessages(pagesMessages);
// A theme's public page lists the proposals resting on it: synthesis comes before proposals, so they are told here.
registerThemeCarrier("proposal", proposalsOnThemes);
// A goal's page leads back to what residents said: goals come before synthesis and proposals, so it is added here.
registerPageSection("goal", "grounds", { load: goalGrounds, View: GoalGrounds });
