import { z } from "zod";
import { choice, email, optionalText } from "../../ui/fields.js";

/** The sign-in form: an e-mail address. */
export const signInInput = z.object({ email: email() });

/** The code form: six digits (spaces a person may type are dropped). */
export const codeInput = z.object({
	code: z
		.string({ error: "error.required" })
		.transform((v) => v.replace(/\s/g, ""))
		.pipe(z.string().min(1, "error.required").regex(/^\d{6}$/, "accounts.code.format")),
});

/** The account form: the person's name. */
export const nameInput = z.object({ name: optionalText(200) });

/** Deleting an account needs the confirm box ticked. */
export const deleteInput = z.object({ confirm: z.literal("yes", { error: "accounts.account.confirmRequired" }) });

/** Giving a person a membership in an organisation. */
export const grantInput = z.object({
	email: email(),
	organisationId: z.string({ error: "error.required" }).trim().min(1, "error.required").pipe(z.guid("error.unknownOrganisation")),
	role: choice(["member", "admin"]),
});

/** Naming one membership (to remove it). */
export const membershipInput = z.object({ userId: z.guid(), organisationId: z.guid() });

/** Making a person administrator or taking the right away. */
export const administratorInput = z.object({ userId: z.guid(), administrator: z.enum(["yes", "no"]) });
