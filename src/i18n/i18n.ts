import { messages } from "./messages.js";

/** Languages the interface speaks; Swedish is the default. */
export const languages = ["sv", "en"] as const;
export type Lang = (typeof languages)[number];

/** A translation function bound to one language. */
export type T = (key: string, params?: Record<string, string | number>) => string;

/** Whether a value names a language the interface speaks. */
export function isLang(value: unknown): value is Lang {
	return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Returns the translator for a language; an unknown key shows as itself so that it is noticed. */
export function translator(lang: Lang): T {
	const dict = messages[lang];
	return (key, params) => {
		const text = dict[key] ?? key;
		return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
	};
}

const locales: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

// Intl formatters are costly to build (about a millisecond each): build one per language and kind, once.
const formatters = Object.fromEntries(
	(["sv", "en"] as const).map((lang) => [
		lang,
		{
			date: new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeZone: "UTC" }),
			dateTime: new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" }),
			month: { short: new Intl.DateTimeFormat(locales[lang], { month: "short", year: "numeric", timeZone: "UTC" }), long: new Intl.DateTimeFormat(locales[lang], { month: "long", year: "numeric", timeZone: "UTC" }) },
			number: [0, 1, 2].map((digits) => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits })),
		},
	]),
) as Record<Lang, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; month: Record<"short" | "long", Intl.DateTimeFormat>; number: Intl.NumberFormat[] }>;

/** Formats a calendar date (YYYY-MM-DD) for reading, e.g. "8 januari 2019". */
export function formatDate(lang: Lang, isoDate: string): string {
	return formatters[lang].date.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Formats a month (YYYY-MM) for reading: "september 2018", or "sep. 2018" short (on a chart's axis). */
export function formatMonth(lang: Lang, month: string, style: "short" | "long" = "long"): string {
	return formatters[lang].month[style].format(new Date(`${month}-01T00:00:00Z`));
}

/** Formats an instant in Swedish time, e.g. "8 januari 2019 00:00". */
export function formatDateTime(lang: Lang, at: Date): string {
	return formatters[lang].dateTime.format(at);
}

/** Formats a number the way the language writes it ("4 094" in Swedish), with up to two decimals. */
export function formatNumber(lang: Lang, n: number, fractionDigits: 0 | 1 | 2 = 0): string {
	return formatters[lang].number[fractionDigits]!.format(n);
}

/** Formats a span of calendar dates compactly, e.g. "8–20 januari 2019". */
export function formatDateRange(lang: Lang, fromIsoDate: string, toIsoDate: string): string {
	return formatters[lang].date.formatRange(new Date(`${fromIsoDate}T00:00:00Z`), new Date(`${toIsoDate}T00:00:00Z`));
}

const isoDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Sweden as YYYY-MM-DD. */
export function todayInSweden(now = new Date()): string {
	return isoDay.format(now);
}
