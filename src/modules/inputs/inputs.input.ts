import { z } from "zod";
import { inputSources } from "./inputs.schema.js";

const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.catch(undefined)
		.transform((v) => v || null);

/** Search and filters of the inputs list; anything malformed is ignored rather than refused, as in a search box. */
export const inputQuery = z.object({
	q: optional(200),
	source: z.enum(inputSources).optional().catch(undefined),
	locality: optional(100),
	focusAreaId: z.uuid().optional().catch(undefined),
	sep: z.enum(["comma", "semicolon"]).optional().catch(undefined),
});

/** The parsed search and filters. */
export type InputQuery = z.output<typeof inputQuery>;
