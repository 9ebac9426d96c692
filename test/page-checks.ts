// Checks of a rendered page that hold for every page: no message key shown instead of words, no id used twice.
import "../src/app.js"; // assembling the app registers every module's messages
import { messages } from "../src/i18n/messages.js";

const namespaces = [...new Set(Object.keys(messages.sv).map((k) => k.split(".")[0]!))];
// A key is a known namespace, a dot and more dotted words, standing on its own (not part of an address or file name).
const keyPattern = new RegExp(`(?<![\\w.@/-])(?:${namespaces.join("|")})(?:\\.[A-Za-z0-9_]+)+(?![\\w/-])`, "g");

/** What a reader meets on a page: its text and the attributes that are read out or shown (labels, titles, alt texts). */
export function pageText(html: string): string {
	const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
	const text = html
		.replace(/<script[\s\S]*?<\/script>/gi, " ")
		.replace(/<[^>]+>/g, " ")
		.replaceAll("&amp;", "&");
	return `${text}\n${attributes.join("\n")}`;
}

/** The message keys (of the interface's namespaces) that appear in a text, e.g. "decisions.recordType.goal". */
export function renderedMessageKeys(text: string): string[] {
	return [...new Set(text.match(keyPattern) ?? [])];
}

/** The element ids that a page gives to more than one element. */
export function duplicateIds(html: string): string[] {
	const counts = new Map<string, number>();
	for (const [, id] of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g)) counts.set(id!, (counts.get(id!) ?? 0) + 1);
	return [...counts].filter(([, n]) => n > 1).map(([id]) => id);
}

/** The confirmation a page shows after a redirect (its role="status" flash), as read out, or null when there is none. */
export function flashMessage(html: string): string | null {
	const flash = html.match(/<p class="flash" role="status">([\s\S]*?)<\/p>/)?.[1];
	return flash === undefined ? null : pageText(flash).replace(/\s+/g, " ").trim();
}
