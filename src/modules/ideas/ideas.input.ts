import { z } from "zod";
import { optionalText, requiredText } from "../../ui/fields.js";

/** Longest texts the idea forms accept; the forms state them. */
export const limits = { title: 150, text: 4000, comment: 2000, report: 1000, hideReason: 1000 };

/** A new idea. */
export const ideaInput = z.object({
	title: requiredText(limits.title),
	text: requiredText(limits.text),
	focusAreaId: optionalText(100),
});

/** A comment on an idea. */
export const commentInput = z.object({ comment: requiredText(limits.comment) });

/** A resident's report of abuse. */
export const reportInput = z.object({ reason: requiredText(limits.report), commentId: optionalText(100) });

/** A coordinator hiding an idea: the reason is required, it is shown to the author. */
export const hideInput = z.object({ hideReason: requiredText(limits.hideReason) });
