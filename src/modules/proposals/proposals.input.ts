import { z } from "zod";
import { integer, requiredText } from "../../ui/fields.js";

/** The proposal form: its number in the vote, title and subtext. */
export const proposalInput = z.object({
	number: integer(1, 1000),
	title: requiredText(200),
	subtext: requiredText(2000),
});
