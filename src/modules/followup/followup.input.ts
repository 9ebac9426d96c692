import { z } from "zod";
import { choice, isoDate, optionalDecimal, optionalText, optionalYear, requiredText } from "../../ui/fields.js";
import { msg } from "../../ui/messages.js";
import { goalStatuses } from "../goals/index.js";
import { progressOverrides } from "./followup.schema.js";

/** The coordinator's form for a round: what it is called, the period reported on and the deadline. */
export const roundInput = z
	.object({ title: requiredText(200), periodStart: isoDate(), periodEnd: isoDate(), deadline: isoDate() })
	.superRefine((v, ctx) => {
		if (v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "followup.error.periodEndBeforeStart" });
	});

export type RoundInput = z.output<typeof roundInput>;

const maxEvidence = 10;

/**
 * An owner's report on a goal. Evidence is one web address per line. A value of the goal's own measure needs its year;
 * an override of the computed progress needs a reason.
 */
export const reportInput = z
	.object({
		status: choice(goalStatuses),
		account: requiredText(4000),
		evidence: z
			.string()
			.optional()
			.transform((v) => (v ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
			.refine((links) => links.length <= maxEvidence, msg("followup.error.tooManyLinks", { max: maxEvidence }))
			.refine((links) => links.every((l) => /^https?:\/\/[^\s]+\.[^\s]+$/.test(l) && l.length <= 2000), "followup.error.evidenceUrl"),
		ownValue: optionalDecimal("followup.error.notANumber"),
		ownValueYear: optionalYear(),
		progressOverride: z
			.string()
			.optional()
			.transform((v) => v || null)
			.pipe(choice(progressOverrides).nullable()),
		overrideReason: optionalText(1000),
	})
	.superRefine((v, ctx) => {
		const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
		if (v.ownValue !== null && v.ownValueYear === null) fail("ownValueYear", "followup.error.yearNeeded");
		if (v.ownValue === null && v.ownValueYear !== null) fail("ownValue", "followup.error.valueNeeded");
		if (v.progressOverride !== null && !v.overrideReason) fail("overrideReason", "followup.error.reasonNeeded");
	});

export type ReportInput = z.output<typeof reportInput>;
