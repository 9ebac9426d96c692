import type { T } from "../i18n/i18n.js";

// Validation messages travel as "key?name=value&…" so that schemas stay language-free
// and the page translates them into its own language.

/** Encodes a message key with its parameters, for use inside input schemas. */
export function msg(key: string, params?: Record<string, string | number>): string {
	if (!params) return key;
	return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** Translates a message made by msg(). */
export function translateMsg(t: T, encoded: string): string {
	const [key, query] = encoded.split("?", 2) as [string, string | undefined];
	return t(key, query ? Object.fromEntries(new URLSearchParams(query)) : undefined);
}
