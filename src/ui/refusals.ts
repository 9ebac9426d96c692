import { AsyncLocalStorage } from "node:async_hooks";

// What a request refused, field by field, and which of those messages its page showed. A page answering 422 may
// not render the form that failed (a survey that closed meanwhile hides its forms), so the layout shows what no
// form showed: every refusal reaches the person, whichever form it came from. The input guard adds what it took out
// of the request: the form fields it cleaned (for the form's own check) and the query parameters it left out.
type Refusals = { given: Map<string, string>; shown: Set<string>; cleaned: Record<string, string>; ignored: string[]; retryAt?: Date };

const current = new AsyncLocalStorage<Refusals>();

/** Runs the rest of a request with a record of its refusals. */
export function recordRefusals(run: () => void): void {
	current.run({ given: new Map(), shown: new Set(), cleaned: {}, ignored: [] }, run);
}

/** Notes the errors of a form that was refused (field → message). */
export function noteRefusals(errors: Record<string, string>): void {
	for (const [field, message] of Object.entries(errors)) current.getStore()?.given.set(field, message);
}

/** Notes that a page showed the message for a field. */
export function noteShown(field: string): void {
	current.getStore()?.shown.add(field);
}

/** The refusals of this request that no form on its page showed (field → message). */
export function unshownRefusals(): [string, string][] {
	const store = current.getStore();
	return store ? [...store.given].filter(([field]) => !store.shown.has(field)) : [];
}

/** Notes fields of the posted form that the input guard took characters out of, each with its message key. */
export function noteCleaned(fields: Record<string, string>): void {
	const store = current.getStore();
	if (store) Object.assign(store.cleaned, fields);
}

/** The fields of this request's form that the input guard cleaned, with their message keys (none for a clean form). */
export function cleanedFields(): Record<string, string> {
	return current.getStore()?.cleaned ?? {};
}

/** Notes a query parameter the input guard left out of a page's address. */
export function noteIgnoredParameter(name: string): void {
	current.getStore()?.ignored.push(name);
}

/** The query parameters the input guard left out of this request's address. */
export function ignoredParameters(): string[] {
	return current.getStore()?.ignored ?? [];
}

/** Notes from when a limit that refused this request allows the next attempt. */
export function noteRetryAt(at: Date): void {
	const store = current.getStore();
	if (store) store.retryAt = at;
}

/** From when the limit that refused this request allows the next attempt, if one did. */
export function retryAt(): Date | undefined {
	return current.getStore()?.retryAt;
}
