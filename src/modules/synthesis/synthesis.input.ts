import { z } from "zod";
import { optionalText, requiredText } from "../../ui/fields.js";
import { inputQuery } from "../inputs/index.js";

/** The analyst's list of inputs: the pool's search and filters, and which theme (or none, or off-topic) to show. */
export const analysisQuery = inputQuery.extend({
	theme: z
		.union([z.uuid(), z.enum(["untagged", "offTopic"])])
		.optional()
		.catch(undefined),
});

/** The parsed analysis search and filters. */
export type AnalysisQuery = z.output<typeof analysisQuery>;

/** A theme's name and description. */
export const themeInput = z.object({
	name: requiredText(120),
	description: optionalText(2000),
});

/** The new theme that chosen inputs are split off into (named apart from the rename form on the same page). */
export const splitInput = z.object({
	newName: requiredText(120),
	newDescription: optionalText(2000),
});

/** The theme to merge into. */
export const mergeInput = z.object({ targetId: z.uuid({ error: "error.badChoice" }) });

/** The theme chosen for tagging. */
export const tagInput = z.object({ themeId: z.uuid({ error: "synthesis.error.chooseTheme" }) });

/** The e-mail address of a person to make an analyst. */
export const analystInput = z.object({ email: z.string({ error: "error.email" }).trim().max(254).pipe(z.email({ error: "error.email" })) });
