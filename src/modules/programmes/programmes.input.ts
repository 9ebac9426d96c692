import { z } from "zod";
import { isUuid } from "../../lib/ids.js";
import { integer, isoDate, optionalIsoDate, optionalText, requiredText } from "../../ui/fields.js";

/** The programme form: its core record and who coordinates it. */
export const programmeInput = z.object({
	name: requiredText(200),
	community: requiredText(200),
	municipalityCode: z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.regex(/^\d{4}$/, "error.municipalityCode"),
	population: integer(0, 100_000_000),
	populationDate: isoDate(),
	populationSource: requiredText(200),
	horizonYear: integer(2000, 2200),
	summary: optionalText(1000),
	description: optionalText(20000),
	coordinatorId: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || isUuid(v), "error.unknownOrganisation"),
});

/** The phase form: a stretch of the programme's timeline. */
export const phaseInput = z
	.object({
		name: requiredText(200),
		description: optionalText(2000),
		startsOn: isoDate(),
		endsOn: optionalIsoDate(),
	})
	.refine((v) => v.endsOn === null || v.endsOn >= v.startsOn, { path: ["endsOn"], message: "programme.error.endsBeforeStarts" });
