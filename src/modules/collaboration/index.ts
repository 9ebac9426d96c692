import { registerMessages } from "../../i18n/messages.js";
import { collaborationMessages } from "./collaboration.messages.js";
export { collaborationRoutes } from "./collaboration.routes.js";
export { type CollaborationDeps, inviteCoOwner, inviteeChoices, pendingInvitations, type RelatedGoal, relatedGoals, relatedGoalsInFocusArea } from "./collaboration.service.js";
export { RelatedGoals } from "./collaboration.views.js";

registerMessages(collaborationMessages);
