import { formatDateTime } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import type { OutboxMail } from "./mail.repo.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

function status(ctx: PageContext, mail: OutboxMail): string {
	if (mail.sentAt) return ctx.t("mail.outbox.sent", { at: formatDateTime(ctx.lang, mail.sentAt) });
	if (mail.error) return ctx.t("mail.outbox.failed", { error: mail.error });
	return ctx.t("mail.outbox.notSent");
}

/** Every mail Medskapa has sent or tried to send, newest first. */
export function OutboxPage({ ctx, mails }: { ctx: PageContext; mails: OutboxMail[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("mail.outbox.title")}</h1>
			<PageHelp ctx={ctx} page="outbox" />
			<p>{t("mail.outbox.intro")}</p>
			{mails.length === 0 ? (
				<p>{t("mail.outbox.empty")}</p>
			) : (
				<TableScroll label={t("mail.outbox.title")}>
					<table>
						<caption class="visually-hidden">{t("mail.outbox.title")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("mail.outbox.created")}</th>
								<th scope="col">{t("mail.outbox.recipient")}</th>
								<th scope="col">{t("mail.outbox.subject")}</th>
								<th scope="col">{t("mail.outbox.status")}</th>
								<th scope="col">{t("mail.outbox.body")}</th>
							</tr>
						</thead>
						<tbody>
							{mails.map((mail) => (
								<tr key={mail.id}>
									<td>{formatDateTime(ctx.lang, mail.createdAt)}</td>
									<td>{mail.recipient}</td>
									<th scope="row">{mail.subject}</th>
									<td>{status(ctx, mail)}</td>
									<td>
										<pre class="mail-body">{mail.body}</pre>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</>
	);
}
