import { registerMessages } from "../../i18n/messages.js";
import { registerPageSection } from "../../ui/sections.js";
import { goalsMessages } from "./goals.messages.js";
import { goalsOfOrganisation } from "./goals.service.js";
import { OrganisationGoals } from "./goals.views.js";
export { registerOwnMeasureValues } from "./goals.own-values.js";
export { goalsRoutes } from "./goals.routes.js";
export { goalStatuses } from "./goals.schema.js";
export { type GoalRecord, goalRecords } from "./goals.export.js";
export { actingOrganisation, canEditGoalsOf, ownerOrganisationIds } from "./goals.policy.js";
export { changeGoalStatus, createGoalFor, createSubGoal, goalsInFocusArea, goalsOfInitiative, goalsOfOrganisation, type Owner, saveGoalActivity } from "./goals.service.js";
export { type GoalOwner, type GoalRow, goalIdsOfInitiatives, goalOwner, listGoalTitles } from "./goals.repo.js";
export type { GoalStatus as GoalStatusValue } from "./goals.schema.js";
export { GoalList, GoalStatus, ownerHref } from "./goals.views.js";

registerMessages(goalsMessages);
// An organisation's profile lists its goals: organisations come before goals, so goals add them.
registerPageSection("organisation", "goals", { load: goalsOfOrganisation, View: OrganisationGoals, rank: 1 });
