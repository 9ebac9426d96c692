// Who may do what with mail. Mails go out on behalf of other modules' actions; the outbox, which holds what was sent
// to people (never a sign-in code or an invitation link), is read by the installation's administrators only.
import { isAdministrator, policyTable } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

type MailRole = "administrator";

export const mailPolicy = policyTable<MailRole, "readOutbox">({
	/** Read the outbox. */
	readOutbox: ["administrator"],
});

/** Throws (401 signed out, 403 otherwise) unless the person may take the action; gives the person. */
export function authorize(viewer: Viewer | null, action: keyof typeof mailPolicy.table): Viewer {
	return mailPolicy.authorize(viewer, isAdministrator(viewer) ? ["administrator"] : [], action);
}
