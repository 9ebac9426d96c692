import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { authorize } from "./mail.policy.js";
import * as repo from "./mail.repo.js";

/** One e-mail to send. */
export type Mail = {
	to: string;
	subject: string;
	body: string;
	/** For mails that carry a secret (a sign-in code, an invitation link): what the outbox keeps instead of the body. */
	bodyKept?: string;
	/** Where the recipient's answer goes, e.g. the person who wrote through a contact form. */
	replyTo?: string;
};

// One transport per SMTP URL for the life of the process; nodemailer opens a connection per mail.
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
	let transport = transports.get(url);
	if (!transport) {
		// Short timeouts: a person is waiting for the page while the mail goes out.
		transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 });
		transports.set(url, transport);
	}
	return transport;
}

type MailListener = (mail: Mail) => void;
const listeners = new Set<MailListener>();

/**
 * Hears every mail as it goes out, secrets included; for tests and the browser tests' harness, which read sign-in codes
 * and invitation links here, since the outbox (which administrators read) never holds them.
 */
export function onMailSent(listener: MailListener): void {
	listeners.add(listener);
}

/** Puts a mail in the outbox (without its secret) and sends it over SMTP, or prints it to the console when no SMTP server is set. */
export async function sendMail(db: Db, config: Config, mail: Mail): Promise<void> {
	const stored = await repo.insertMail(db, { recipient: mail.to, subject: mail.subject, body: mail.bodyKept ?? mail.body });
	for (const listener of listeners) listener(mail);
	if (!config.smtpUrl) {
		printToConsole(config, mail);
		return;
	}
	try {
		await transportFor(config.smtpUrl).sendMail({ from: config.mailFrom, to: mail.to, replyTo: mail.replyTo, subject: mail.subject, text: mail.body });
		await repo.markSent(db, stored.id);
	} catch (err) {
		// A mail server that is down must not break the page; the outbox shows what went wrong.
		await repo.markFailed(db, stored.id, err instanceof Error ? err.message : String(err));
	}
}

// Plain stderr, not the JSON request log: the developer needs to read the code, the logs must not hold it.
// A process asked to be silent (LOG_LEVEL=silent, as in tests) prints nothing.
function printToConsole(config: Config, mail: Mail): void {
	if (config.logLevel === "silent") return;
	process.stderr.write(
		`\n===== Medskapa outbox (no SMTP_URL set) =====\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.body}\n=============================================\n\n`,
	);
}

/** The outbox for the administrator's page, newest first. */
export async function outboxPage(db: Db, viewer: Viewer | null): Promise<repo.OutboxMail[]> {
	authorize(viewer, "readOutbox");
	return repo.listMails(db, 200);
}

/** Forgets every mail sent to an address (part of deleting an account). */
export async function forgetRecipient(db: Db, recipient: string): Promise<void> {
	await repo.deleteMailsTo(db, recipient);
}
