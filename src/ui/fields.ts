import { z } from "zod";
import { msg } from "./messages.js";

// Building blocks for input schemas. Form values arrive as strings; each block trims,
// checks and converts, and fails with a message key the page translates.

/**
 * For a check across fields that reads converted values (a list of options split from lines): it runs only when
 * those fields passed, since a field that failed still holds the text as typed (a too long list is still a string).
 */
export const whenValid = (...fields: string[]) => ({
	when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) => payload.issues.every((i) => !fields.includes(String(i.path?.[0]))),
});

/** Text that must be filled in, at most max characters. */
export const requiredText = (max: number) =>
	z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.max(max, msg("error.tooLong", { max }));

/** Text that may be left empty (becomes ""), at most max characters. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, msg("error.tooLong", { max }))
		.optional()
		.transform((v) => v ?? "");

/** A whole number between min and max. */
export const integer = (min: number, max: number) =>
	z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.transform((v) => v.replace(/[\s\u00a0]/g, ""))
		.pipe(z.string().regex(/^-?\d+$/, "error.notANumber"))
		.transform(Number)
		.pipe(z.number().min(min, msg("error.range", { min, max })).max(max, msg("error.range", { min, max })));

/** A decimal as people write it ("12,5", "4 094" or "12.5"), as numeric's text form; empty becomes null. */
export const optionalDecimal = (message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v.replace(/[\s\u00a0]/g, "").replace(",", ".") : null))
		.refine((v) => v === null || (/^-?\d+(\.\d+)?$/.test(v) && v.length <= 30), message);

/** A year between 1900 and 2200 that may be left empty (becomes null). */
export const optionalYear = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || /^\d{4}$/.test(v), "error.range?min=1900&max=2200")
		.transform((v) => (v === null ? null : Number(v)))
		.refine((v) => v === null || (v >= 1900 && v <= 2200), "error.range?min=1900&max=2200");

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
// Month 13 makes an invalid Date (whose toISOString throws); 30 February rolls over to March: both are refused.
const isRealDate = (v: string) => {
	const d = new Date(`${v}T00:00:00Z`);
	return isoDatePattern.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

/** Whether a date or date-time written from its four-digit year lies in 1900–2200, the years people mean (PostgreSQL has no year 0). */
export const inPlausibleYears = (v: string): boolean => {
	const year = Number(v.slice(0, 4));
	return year >= 1900 && year <= 2200;
};

/** The message for a date outside 1900–2200. */
export const plausibleYearsMessage = msg("error.dateRange", { min: 1900, max: 2200 });

/** A calendar date written YYYY-MM-DD, in 1900–2200. */
export const isoDate = () =>
	z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.refine(isRealDate, "error.notADate")
		.refine(inPlausibleYears, plausibleYearsMessage);

/** A calendar date in 1900–2200 that may be left empty (becomes null). */
export const optionalIsoDate = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || isRealDate(v), "error.notADate")
		.refine((v) => v === null || inPlausibleYears(v), plausibleYearsMessage);

/** A time of day on Swedish clocks, HH:MM (a dot is accepted for the colon). */
export const clockTime = () =>
	z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, "error.notATime")
		.transform((v) => v.replace(".", ":"));

/** A day with start and end times on Swedish clocks, the fields of anything planned on the calendar; check them with `endsAfterStart`. */
export const timeSpanFields = () => ({ date: isoDate(), startTime: clockTime(), endTime: clockTime() });

/** Whether a time span ends after it starts; refine with the error "error.endBeforeStart" on the end time. */
export const endsAfterStart = (v: { startTime: string; endTime: string }): boolean => v.endTime > v.startTime;

/** One of a fixed set of values. */
export const choice = <V extends string>(values: readonly [V, ...V[]]) =>
	z.enum(values, { error: "error.badChoice" });

/** An e-mail address, lower-cased. */
export const email = () =>
	z
		.string({ error: "error.required" })
		.trim()
		.min(1, "error.required")
		.max(254, msg("error.tooLong", { max: 254 }))
		.pipe(z.email("error.email"))
		.transform((v) => v.toLowerCase());

/** A web address that may be left empty (becomes null). */
export const optionalUrl = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), "error.url");
