import { z } from "zod";
import { choice, inPlausibleYears, integer, plausibleYearsMessage, requiredText } from "../../ui/fields.js";

const dateTimePattern = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/;

/** A date and time typed in Swedish time (YYYY-MM-DD HH:MM). */
const swedishDateTime = () =>
	z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.regex(dateTimePattern, "vote.error.dateTime")
		.refine(inPlausibleYears, plausibleYearsMessage);

const flag = choice(["yes", "no"]).transform((v) => v === "yes");

/** The coordinator's form for a new vote. */
export const voteInput = z
	.object({
		title: requiredText(200),
		opensAt: swedishDateTime(),
		closesAt: swedishDateTime(),
		maxChoices: integer(1, 20),
		blankAllowed: flag,
		resultsBeforeClose: flag,
		advisory: choice(["advisory", "binding"]),
		minAge: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.refine((v) => v === null || (/^\d{1,3}$/.test(v) && Number(v) <= 120), "vote.error.minAge")
			.transform((v) => (v === null ? null : Number(v))),
		chEid: flag,
		chCode: flag,
		chPaper: flag,
		chEmail: flag,
	})
	.refine((v) => v.chEid || v.chCode || v.chPaper || v.chEmail, { path: ["chEid"], message: "vote.error.noChannel" });

/** The roll upload: CSV text with a personal identity number first on each row. */
export const rollInput = z.object({ csv: requiredText(5_000_000) });

/** A batch of anonymous codes. */
export const codesInput = z.object({ count: integer(1, 100_000) });
