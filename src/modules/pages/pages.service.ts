import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Lang, T } from "../../i18n/i18n.js";
import { type RateLimiter, tryAgainFrom } from "../../plugins/rate-limit.js";
import { type FormState, parseForm, withError } from "../../ui/forms.js";
import { administratorEmails } from "../accounts/index.js";
import { sendMail } from "../mail/index.js";
import { findProgrammeWithCoordinator } from "../programmes/index.js";
import { reportInput } from "./pages.input.js";

/** When the accessibility statement was last reviewed against the site; change it at each review. */
export const statementReviewedOn = "2026-11-26";

// Enough for a person with several problems to report, too few to flood the administrators.
const reportsPerHour = 5;

/** What the accessibility statement names: the site and the organisation responsible for it. */
export async function statementPage(db: Db): Promise<{ siteName: string | null; responsible: string | null }> {
	const found = await findProgrammeWithCoordinator(db);
	return { siteName: found?.programme.name ?? null, responsible: found?.coordinatorName ?? null };
}

/** What reporting a problem needs from the application. */
export type ReportDeps = { db: Db; config: Config; limiter: RateLimiter };

/** Mails a reported accessibility problem to every administrator, or gives the form back with its errors. */
export async function reportProblem(
	deps: ReportDeps,
	req: { body: unknown; ip: string; t: T; lang: Lang },
): Promise<{ ok: true } | { ok: false; status: 422 | 429; state: FormState }> {
	const parsed = parseForm(reportInput, req.body);
	if (!parsed.ok) return { ok: false, status: 422, state: parsed.state };
	const until = await deps.limiter.refusedUntil(`a11y-report:ip:${req.ip}`, reportsPerHour, 3600);
	if (until) return { ok: false, status: 429, state: withError(req.body as Record<string, unknown>, "description", tryAgainFrom("pages.report.tooMany", req.lang, until)) };
	const { description, page, email } = parsed.data;
	const { t } = req;
	const body = t("pages.report.mail.body", {
		description,
		page: page || t("pages.report.mail.notGiven"),
		email: email || t("pages.report.mail.notGiven"),
	});
	for (const to of await administratorEmails(deps.db)) {
		await sendMail(deps.db, deps.config, { to, subject: t("pages.report.mail.subject"), body });
	}
	return { ok: true };
}
