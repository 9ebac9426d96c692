import { z } from "zod";
import { choice, isoDate, optionalText, requiredText } from "../../ui/fields.js";
import { goalStatuses } from "./goals.schema.js";

/** Longest texts the goal forms accept. */
export const limits = { title: 300, text: 4000, short: 200, comment: 2000, reason: 1000 };

/** Name of the checkbox group that lists a goal's further focus areas. */
export const furtherAreasField = "focusAreaIds";

// A decimal as people write it ("12,5", "4 094" or "12.5"), stored as numeric's text form; empty becomes null.
const optionalDecimal = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v.replace(/[\s\u00a0]/g, "").replace(",", ".") : null))
		.refine((v) => v === null || (/^-?\d+(\.\d+)?$/.test(v) && v.length <= 30), "goal.error.notANumber");

// A year that may be left empty.
const optionalYear = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || /^\d{4}$/.test(v), "error.range?min=1900&max=2200")
		.transform((v) => (v === null ? null : Number(v)))
		.refine((v) => v === null || (v >= 1900 && v <= 2200), "error.range?min=1900&max=2200");

/** A goal: what it is, where and when, who answers for it, the decision behind it and its target. */
export const goalInput = z
	.object({
		title: requiredText(limits.title),
		description: optionalText(limits.text),
		focusAreaId: requiredText(100),
		unit: optionalText(limits.short),
		periodStart: isoDate(),
		periodEnd: isoDate(),
		responsible: optionalText(limits.short),
		decisionItemId: optionalText(100),
		expectedResult: optionalText(limits.text),
		targetIndicatorId: optionalText(100),
		targetValue: optionalDecimal(),
		targetYear: optionalYear(),
		parentId: optionalText(100),
	})
	.refine((g) => g.periodEnd >= g.periodStart, { path: ["periodEnd"], message: "goal.error.endBeforeStart" })
	.refine((g) => g.targetIndicatorId !== "" || (g.targetValue === null && g.targetYear === null), {
		path: ["targetIndicatorId"],
		message: "goal.error.targetWithoutIndicator",
	});

/** A change of status, with the date it applies from and why. */
export const statusInput = z.object({
	status: choice(goalStatuses),
	changedOn: isoDate(),
	reason: optionalText(limits.reason),
});

/** An activity towards a goal. */
export const activityInput = z
	.object({
		title: requiredText(limits.title),
		description: optionalText(limits.text),
		startsOn: isoDate(),
		endsOn: isoDate(),
		status: choice(goalStatuses),
		owner: optionalText(limits.short),
	})
	.refine((a) => a.endsOn >= a.startsOn, { path: ["endsOn"], message: "goal.error.endBeforeStart" });

/** A comment on a goal. */
export const commentInput = z.object({ body: requiredText(limits.comment) });
