import { z } from "zod";
import { choice, inPlausibleYears, integer, optionalIsoDate, optionalText, plausibleYearsMessage, requiredText, whenValid } from "../../ui/fields.js";
import { msg } from "../../ui/messages.js";
import { questionKinds } from "./surveys.schema.js";

const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An instant typed as Swedish local time (an HTML datetime-local value), or empty. */
const optionalLocalDateTime = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || (localDateTime.test(v) && !Number.isNaN(Date.parse(`${v}:00Z`))), "survey.error.dateTime")
		.refine((v) => v === null || inPlausibleYears(v), plausibleYearsMessage);

const checkbox = () =>
	z
		.string()
		.optional()
		.transform((v) => v === "on" || v === "true");

/** The survey's settings form. */
export const surveyInput = z
	.object({
		title: requiredText(200),
		intro: optionalText(4000),
		anonymous: choice(["true", "false"]).transform((v) => v === "true"),
		publishQuotes: checkbox(),
		opensAt: optionalLocalDateTime(),
		closesAt: optionalLocalDateTime(),
		retainUntil: optionalIsoDate(),
	})
	.refine((v) => !v.opensAt || !v.closesAt || v.closesAt > v.opensAt, { path: ["closesAt"], message: "survey.error.closesBeforeOpens" });

/** Reopening a closed survey: a new closing time, or none. */
export const reopenInput = z.object({ newClosesAt: optionalLocalDateTime() });

/** A section's form. */
export const sectionInput = z.object({ title: requiredText(200), description: optionalText(2000) });

/** A question's form; options are typed one per line. */
export const questionInput = z
	.object({
		sectionId: z.string({ error: "error.required" }).min(1, "error.required"),
		kind: choice(questionKinds),
		text: requiredText(500),
		help: optionalText(1000),
		required: checkbox(),
		options: optionalText(4000).transform((v) =>
			v
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter(Boolean),
		),
		maxChoices: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.pipe(z.union([z.null(), integer(1, 50)])),
		allowOther: checkbox(),
		lowLabel: optionalText(100),
		highLabel: optionalText(100),
		maxLength: integer(10, 10_000),
		showIf: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null),
	})
	.refine((v) => !["single", "multiple", "ranking"].includes(v.kind) || v.options.length >= 2, {
		path: ["options"],
		message: "survey.error.twoOptions",
		...whenValid("kind", "options"),
	})
	.refine((v) => v.options.every((o) => o.length <= 200), { path: ["options"], message: msg("error.tooLong", { max: 200 }), ...whenValid("options") });
