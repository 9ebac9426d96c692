import { z } from "zod";
import { integer, optionalText, requiredText } from "../../ui/fields.js";

/** The focus-area form. */
export const focusAreaInput = z.object({
	name: requiredText(200),
	position: integer(1, 999),
	description: optionalText(4000),
});

/** Name of the checkbox group that chooses the area's organisations. */
export const organisationsField = "organisations";

/** Every value sent for a group of checkboxes: none, one (a string) or several (an array). */
export function checkedValues(body: unknown, name: string): string[] {
	const value = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
	const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))];
}
