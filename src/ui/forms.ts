import type { z } from "zod";
import { cleanedFields, noteRefusals } from "./refusals.js";

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
	// A field the input guard cleaned (a control character typed or pasted) is refused with everything typed kept,
	// also when the service parses only some of the posted fields.
	const refused = Object.fromEntries(Object.entries(knownFields(schema, cleanedFields())).filter(([field]) => field in values));
	if (parsed.success && Object.keys(refused).length === 0) return { ok: true, data: parsed.data };
	const errors: Record<string, string> = { ...refused };
	for (const issue of parsed.error?.issues ?? []) {
		const field = String(issue.path[0] ?? "_form");
		errors[field] ??= issue.message;
	}
	noteRefusals(errors);
	return { ok: false, state: { values, errors } };
}

// Only the form's own fields are refused: a hidden field (where to go next) or a stray one was cleaned by the guard,
// and nobody could correct it on the page anyway.
function knownFields(schema: z.ZodType, errors: Record<string, string>): Record<string, string> {
	const names = fieldNames(schema);
	return names ? Object.fromEntries(Object.entries(errors).filter(([field]) => names.has(field))) : errors;
}

/** The field names an object schema (possibly piped, united or intersected) reads, or null when it cannot tell. */
function fieldNames(schema: z.ZodType): Set<string> | null {
	const def = schema._zod.def as { type: string; shape?: object; in?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType };
	if (def.type === "object" && def.shape) return new Set(Object.keys(def.shape));
	if (def.type === "pipe" && def.in) return fieldNames(def.in);
	const parts = def.type === "union" ? def.options : def.type === "intersection" ? [def.left!, def.right!] : null;
	if (!parts) return null;
	const sets = parts.map(fieldNames);
	return sets.every((set) => set !== null) ? new Set(sets.flatMap((set) => [...set!])) : null;
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
