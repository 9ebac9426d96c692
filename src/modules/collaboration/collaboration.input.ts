import { z } from "zod";
import { optionalText, requiredText } from "../../ui/fields.js";
import { initiativeLimits } from "../initiatives/index.js";

/** Longest texts the collaboration forms accept; the forms state them. An accepted proposal's title becomes its initiative's. */
export const limits = { title: initiativeLimits.title, message: initiativeLimits.message, response: 4000 };

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

/** Inviting a further organisation to co-own an initiative. */
export const invitationInput = z.object({ to: requiredText(100), message: requiredText(limits.message) });
