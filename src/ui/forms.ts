import type { z } from "zod";
import { noteRefusals } from "./refusals.js";

/** What a form needs to show itself again: the values typed and a message key per field. */
export type FormState = { values: Record<string, string>; errors: Record<string, string> };

/** An empty form, or one filled from a stored record. */
export function formState(values: Record<string, unknown> = {}): FormState {
	return { values: stringValues(values), errors: {} };
}

/** Checks a submitted form against its schema; on failure returns everything typed with the errors. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	body: unknown,
): { ok: true; data: z.output<S> } | { ok: false; state: FormState } {
	const values = stringValues(body);
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? "_form");
		errors[field] ??= issue.message;
	}
	noteRefusals(errors);
	return { ok: false, state: { values, errors } };
}

/** A form state with one error added, e.g. a uniqueness conflict found by the service. */
export function withError(state: FormState | Record<string, unknown>, field: string, key: string): FormState {
	const base = "values" in state && "errors" in state ? (state as FormState) : formState(state as Record<string, unknown>);
	noteRefusals({ [field]: key });
	return { values: base.values, errors: { ...base.errors, [field]: key } };
}

function stringValues(input: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (input && typeof input === "object") {
		for (const [k, v] of Object.entries(input)) {
			if (k === "_csrf" || v === null || v === undefined) continue;
			out[k] = Array.isArray(v) ? String(v[0] ?? "") : String(v);
		}
	}
	return out;
}
