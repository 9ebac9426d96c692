import { z } from "zod";
import { msg } from "../../ui/messages.js";
import { optionalText, requiredText } from "../../ui/fields.js";

/** A report of an accessibility problem: what it is (required), where, and an address for a reply. */
export const reportInput = z.object({
	description: requiredText(4000),
	page: optionalText(500),
	// Optional: only a person who wants an answer leaves an address.
	email: z
		.string()
		.trim()
		.max(254, msg("error.tooLong", { max: 254 }))
		.optional()
		.transform((v) => (v ?? "").toLowerCase())
		.refine((v) => v === "" || z.email().safeParse(v).success, "error.email"),
});
