import { z } from "zod";
import { parseOrgNumber } from "../../lib/luhn.js";
import { isUuid } from "../../lib/ids.js";
import { choice, email, optionalText, optionalUrl, requiredText } from "../../ui/fields.js";
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

/** The profile form of an organisation's own admins: what it is and does. Its type and number stay with the coordinator, who checks the number. */
export const profileInput = organisationInput.pick({ name: true, description: true, website: true });

/** Limit of the reason the coordinator may give for declining an organisation, stated on the form. */
export const declineReasonMax = 2000;

/** The coordinator's form that declines a pending organisation: an optional reason, mailed to its admins. */
export const declineInput = z.object({ reason: optionalText(declineReasonMax) });

/** The join form: the organisation, and why it joins (mailed to the coordinator, not published). */
export const joinInput = organisationInput.extend({
	reason: requiredText(2000),
});

/** The roles a member can have, in the order the forms offer them. */
export const memberRoles = ["member", "admin"] as const;

/** The invitation form. */
export const invitationInput = z.object({
	email: email(),
	role: choice(memberRoles),
});

/** The form that changes a member's role. */
export const roleInput = z.object({ role: choice(memberRoles) });

/** The form that chooses the contact person among the members. */
export const contactPersonInput = z.object({ userId: z.string({ error: "error.badChoice" }).refine(isUuid, "error.badChoice").transform((v) => v.toLowerCase()) });

/** Limits of the contact form, stated on the form. */
export const contactLimits = { subject: 150, message: 3000 };

/** The contact form. */
export const contactInput = z.object({
	subject: requiredText(contactLimits.subject),
	message: requiredText(contactLimits.message),
});

/** Name of the checkbox group that chooses the organisation's focus areas. */
export const areasField = "focusAreas";
