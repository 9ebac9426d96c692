import { z } from "zod";
import { optionalText, requiredText } from "../../ui/fields.js";

/** Longest texts the collaboration and initiative forms accept; the forms state them. */
export const limits = { title: 200, message: 4000, response: 4000, description: 8000 };

/** A proposal to collaborate: to whom, in which area, about what; the goals it concerns travel as hidden fields. */
export const proposalInput = z.object({
	to: requiredText(100),
	focusAreaId: requiredText(100),
	title: requiredText(limits.title),
	message: requiredText(limits.message),
	goal: optionalText(100),
	theirGoal: optionalText(100),
});

/** Accepting, with an optional reply. */
export const acceptInput = z.object({ response: optionalText(limits.response) });

/** Declining, with the reason the proposer will read. */
export const declineInput = z.object({ reason: requiredText(limits.response) });

/** Changing a joint initiative's title and description. */
export const initiativeInput = z.object({ title: requiredText(limits.title), description: optionalText(limits.description) });

/** Inviting a further organisation to co-own an initiative. */
export const invitationInput = z.object({ to: requiredText(100), message: requiredText(limits.message) });
