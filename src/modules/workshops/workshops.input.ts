import { z } from "zod";
import { choice, email, endsAfterStart, integer, optionalText, requiredText, timeSpanFields } from "../../ui/fields.js";
import { msg } from "../../ui/messages.js";
import { registrationModes } from "./workshops.schema.js";

/** Longest texts the workshop forms accept; the forms state them. */
export const limits = { title: 200, place: 200, locality: 100, description: 5000, group: 100, question: 300, notes: 20000, note: 1000, summary: 5000, counts: 2000, name: 200 };

/** The locality choice that means "another place", written in the text field beside it. */
export const otherLocality = "other";

/**
 * The coordinator's workshop form. The locality is one of the programme's localities (the list the surveys'
 * background question offers, so workshop and survey counts add up per locality) or "other" with its name typed.
 */
export const workshopInput = (localities: readonly string[]) =>
	z
		.object({
			title: requiredText(limits.title),
			...timeSpanFields(),
			place: requiredText(limits.place),
			locality: z.string({ error: "error.required" }).trim().min(1, "error.required"),
			otherLocality: optionalText(limits.locality),
			description: optionalText(limits.description),
			capacity: integer(1, 10000),
			registration: choice(registrationModes),
			facilitatorEmail: z
				.string()
				.trim()
				.optional()
				.transform((v) => v || null)
				.pipe(z.union([z.null(), email()])),
		})
		.refine(endsAfterStart, { path: ["endTime"], message: "error.endBeforeStart" })
		.superRefine((v, ctx) => {
			if (v.locality === otherLocality) {
				if (!v.otherLocality) ctx.addIssue({ code: "custom", path: ["otherLocality"], message: "workshop.error.otherLocality" });
			} else if (!localities.includes(v.locality)) {
				ctx.addIssue({ code: "custom", path: ["locality"], message: "error.badChoice" });
			}
		})
		.transform(({ otherLocality: typed, ...v }) => {
			if (v.locality !== otherLocality) return v;
			// A listed locality typed as "other" is counted as the listed one.
			return { ...v, locality: localities.find((l) => l.toLocaleLowerCase("sv") === typed.toLocaleLowerCase("sv")) ?? typed };
		});

/** Signing up with name and e-mail. */
export const namedRegistrationInput = z.object({ name: requiredText(limits.name), email: email() });

/** "label: count" lines, e.g. "Norsjö: 12"; a blank text is no counts. */
const countLines = () =>
	optionalText(limits.counts).transform((text, ctx) => {
		const counts: Record<string, number> = {};
		for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
			const m = /^(.+?)\s*[:=]\s*(\d{1,5})$|^(.+?)\s+(\d{1,5})$/.exec(line);
			const label = (m?.[1] ?? m?.[3])?.trim();
			const n = m?.[2] ?? m?.[4];
			if (!label || !n) {
				ctx.addIssue({ code: "custom", message: msg("workshop.error.countLine", { line: line.slice(0, 60) }) });
				return z.NEVER;
			}
			counts[label] = (counts[label] ?? 0) + Number(n);
		}
		return counts;
	});

/** The facilitator's form for what came out of the workshop. */
export const outcomeInput = z.object({
	headcount: integer(0, 100000),
	localityCounts: countLines(),
	ageBandCounts: countLines(),
	summary: optionalText(limits.summary),
});

/** The facilitator's form for one group's notes on one question: one note per line. */
export const notesInput = z.object({
	groupLabel: requiredText(limits.group),
	question: requiredText(limits.question),
	notes: requiredText(limits.notes).transform((text, ctx) => {
		const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
		if (lines.some((l) => l.length > limits.note)) {
			ctx.addIssue({ code: "custom", message: msg("workshop.error.noteTooLong", { max: limits.note }) });
			return z.NEVER;
		}
		return lines;
	}),
});

/** A correction of one note: its new text, one line as when it was entered. */
export const noteInput = z.object({ text: requiredText(limits.note) });

/** Withdrawing a note asks for a tick that says so, as nothing typed would be kept otherwise. */
export const withdrawNoteInput = z.object({ confirm: z.literal("on", { error: "workshop.note.confirmRequired" }) });
