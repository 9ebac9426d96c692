// The public contact form: a signed-in person writes to an organisation through the platform.
// The recipient's address is never shown; the sender's address goes with the message so the recipient can reply.
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { requireSignedIn } from "../accounts/index.js";
import { sendMail } from "../mail/index.js";
import { contactInput } from "./organisations.input.js";
import type { Organisation } from "./organisations.repo.js";
import { contactRecipients, type MailDeps, type MailRequest, visibleOrganisation } from "./organisations.service.js";
import { tryAgainFrom } from "../../plugins/rate-limit.js";

// A person with a real errand writes a few messages an hour; more looks like spam.
const messagesPerHour = 5;

/** What the contact page shows: the organisation and whether anyone receives messages. */
export type ContactPage = { organisation: Pick<Organisation, "id" | "name">; reachable: boolean; senderEmail: string };

// The page and, kept from it since addresses are never shown, who would receive the message.
async function contactTarget(db: MailDeps["db"], viewer: Viewer | null, id: string): Promise<{ page: ContactPage; recipients: string[] }> {
	const me = requireSignedIn(viewer);
	const organisation = await visibleOrganisation(db, viewer, id);
	const recipients = await contactRecipients(db, organisation.id);
	return { page: { organisation: { id: organisation.id, name: organisation.name }, reachable: recipients.length > 0, senderEmail: me.email }, recipients };
}

/** The contact form of an organisation, for a signed-in person. */
export async function contactPage(deps: Pick<MailDeps, "db">, viewer: Viewer | null, id: string): Promise<ContactPage> {
	return (await contactTarget(deps.db, viewer, id)).page;
}

/** Mails a message to the organisation's contact person (or its admins), with the sender's address to reply to. */
export async function sendContactMessage(
	deps: MailDeps,
	viewer: Viewer | null,
	id: string,
	body: unknown,
	req: MailRequest,
): Promise<{ ok: true; organisationId: string } | { ok: false; status: 409 | 422 | 429; page: ContactPage; state: FormState }> {
	const me = requireSignedIn(viewer);
	const { page, recipients } = await contactTarget(deps.db, viewer, id);
	// With no one to write to, the form is not on the page: say so before checking what was typed.
	if (recipients.length === 0) return { ok: false, status: 409, page, state: withError(body as Record<string, unknown>, "_form", "organisation.contact.unreachable") };
	const parsed = parseForm(contactInput, body);
	if (!parsed.ok) return { ok: false, status: 422, page, state: parsed.state };
	const until = await deps.limiter.refusedUntil(`contact:user:${me.id}`, messagesPerHour, 3600);
	if (until) return { ok: false, status: 429, page, state: withError(formState(parsed.data), "message", tryAgainFrom("organisation.contact.tooMany", req.lang, until)) };
	const { t } = req;
	const mail = {
		replyTo: me.email,
		subject: t("organisation.contact.mail.subject", { subject: parsed.data.subject }),
		body: t("organisation.contact.mail.body", {
			organisation: page.organisation.name,
			sender: me.name ? `${me.name} <${me.email}>` : me.email,
			email: me.email,
			subject: parsed.data.subject,
			message: parsed.data.message,
			link: `${req.base}/aktorer/${page.organisation.id}`,
		}),
	};
	for (const to of recipients) await sendMail(deps.db, deps.config, { to, ...mail });
	return { ok: true, organisationId: page.organisation.id };
}
