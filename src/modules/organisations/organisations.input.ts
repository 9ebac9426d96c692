import { z } from "zod";
import { parseOrgNumber } from "../../lib/luhn.js";
import { choice, optionalText, optionalUrl, requiredText } from "../../ui/fields.js";
import { organisationType } from "./organisations.schema.js";

/** The kinds of organisation, in the order the form offers them. */
export const organisationTypes = organisationType.enumValues;

/** An organisation number that may be left empty (null); says whether its form or its check digit is wrong. */
const optionalOrgNumber = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const parsed = parseOrgNumber(v);
			if (parsed.ok) return parsed.value;
			ctx.addIssue({ code: "custom", message: parsed.reason === "format" ? "error.orgNumber" : "error.orgNumberCheckDigit" });
			return z.NEVER;
		});

/** The organisation form. */
export const organisationInput = z.object({
	name: requiredText(200),
	type: choice(organisationTypes),
	orgNumber: optionalOrgNumber(),
	description: optionalText(4000),
	website: optionalUrl(),
});
