import { z } from "zod";
import { choice, integer, optionalText, whenValid } from "../../ui/fields.js";
import { inputSources } from "../inputs/index.js";
import { suggestionScopes } from "./suggest.schema.js";

/** The most themes a run may be asked for. */
export const maxThemes = 30;

/**
 * What a suggestion run reads and how: the inputs (all, untagged, one source, one survey question), the number of
 * themes (empty: found automatically) and the seed (the same seed and inputs give the same suggestions).
 */
export const suggestInput = z
	.object({
		scope: choice(suggestionScopes),
		source: z.enum(inputSources, { error: "error.badChoice" }).optional().catch(undefined),
		question: optionalText(500),
		k: z.union([z.literal("").transform(() => null), integer(2, maxThemes)]).optional().transform((v) => v ?? null),
		seed: z.union([z.literal("").transform(() => 1), integer(1, 999_999)]).optional().transform((v) => v ?? 1),
	})
	.refine((v) => v.scope !== "source" || v.source !== undefined, { path: ["source"], message: "synthesis.suggest.error.chooseSource", ...whenValid("scope") })
	.refine((v) => v.scope !== "question" || v.question !== "", { path: ["question"], message: "synthesis.suggest.error.chooseQuestion", ...whenValid("scope") });

/** The lowest confidence, in whole per cent as the page shows it, of the guesses an analyst confirms in one step. */
export const confirmAboveInput = z.object({ threshold: integer(0, 100) });

/** The other suggestion of the same run to merge into. */
export const suggestionMergeInput = z.object({ targetId: z.uuid({ error: "synthesis.suggest.error.chooseTarget" }) });
