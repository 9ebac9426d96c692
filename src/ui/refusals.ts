import { AsyncLocalStorage } from "node:async_hooks";

// What a request refused, field by field, and which of those messages its page showed. A page answering 422 may
// not render the form that failed (a survey that closed meanwhile hides its forms), so the layout shows what no
// form showed: every refusal reaches the person, whichever form it came from.
type Refusals = { given: Map<string, string>; shown: Set<string> };

const current = new AsyncLocalStorage<Refusals>();

/** Runs the rest of a request with a record of its refusals. */
export function recordRefusals(run: () => void): void {
	current.run({ given: new Map(), shown: new Set() }, run);
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
