import type { Messages } from "../../i18n/messages.js";

export const mailMessages: Messages = {
	sv: {
		"mail.outbox.title": "Utkorg för e-post",
		"mail.outbox.intro": "All e-post som Medskapa skickar eller försöker skicka, nyast först. Innehållet i inloggningsmejl sparas inte när de har skickats.",
		"mail.outbox.empty": "Ingen e-post har skickats ännu.",
		"mail.outbox.created": "Skapad",
		"mail.outbox.recipient": "Mottagare",
		"mail.outbox.subject": "Ämne",
		"mail.outbox.status": "Status",
		"mail.outbox.body": "Innehåll",
		"mail.outbox.sent": "Skickad {at}",
		"mail.outbox.notSent": "Inte skickad (ingen e-postserver inställd)",
		"mail.outbox.failed": "Fel: {error}",
	},
	en: {
		"mail.outbox.title": "E-mail outbox",
		"mail.outbox.intro": "Every e-mail Medskapa sends or tries to send, newest first. The content of sign-in mails is not kept once they are sent.",
		"mail.outbox.empty": "No e-mail has been sent yet.",
		"mail.outbox.created": "Created",
		"mail.outbox.recipient": "Recipient",
		"mail.outbox.subject": "Subject",
		"mail.outbox.status": "Status",
		"mail.outbox.body": "Content",
		"mail.outbox.sent": "Sent {at}",
		"mail.outbox.notSent": "Not sent (no mail server set)",
		"mail.outbox.failed": "Error: {error}",
	},
};
