import { z } from "zod";
import { choice, isoDate, optionalDecimal, optionalText, optionalYear, requiredText } from "../../ui/fields.js";
import { goalStatuses } from "./goals.schema.js";

/** Longest texts the goal forms accept. */
export const limits = { title: 300, text: 4000, short: 200, comment: 2000, reason: 1000 };

/** Name of the checkbox group that lists a goal's further focus areas. */
export const furtherAreasField = "focusAreaIds";

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
		targetValue: optionalDecimal("goal.error.notANumber"),
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
