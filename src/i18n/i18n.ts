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
const zone = "Europe/Stockholm";

/** Formats a calendar date (YYYY-MM-DD) for reading, e.g. "8 januari 2019". */
export function formatDate(lang: Lang, isoDate: string): string {
	return new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Formats an instant in Swedish time, e.g. "8 januari 2019 00:00". */
export function formatDateTime(lang: Lang, at: Date): string {
	return new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(at);
}

/** Formats a number the way the language writes it ("4 094" in Swedish). */
export function formatNumber(lang: Lang, n: number, fractionDigits = 0): string {
	return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: fractionDigits }).format(n);
}
