import { z } from "zod";
import { endsAfterStart, optionalText, requiredText, timeSpanFields } from "../../ui/fields.js";

/** Longest texts the arena form accepts; the form states them. */
export const limits = { title: 200, place: 200, agenda: 10000, notes: 20000 };

/** Names of the checkbox groups that choose who took part and what the meeting dealt with. */
export const choiceFields = { organisations: "organisations", goals: "goals", initiatives: "initiatives" } as const;

/** An arena meeting: planned in Swedish wall-clock time, with its agenda before and its notes after. */
export const meetingInput = z
	.object({
		title: requiredText(limits.title),
		...timeSpanFields(),
		place: requiredText(limits.place),
		agenda: optionalText(limits.agenda),
		notes: optionalText(limits.notes),
	})
	.refine(endsAfterStart, { path: ["endTime"], message: "error.endBeforeStart" });
