// The coordinator runs follow-up rounds: creates one, opens it for reports, sees who has reported, reminds those who
// have not, and publishes the report, which is then frozen as it was.
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { formatDate, type Lang, type T } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { HttpError, notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm } from "../../ui/forms.js";
import { ownerOrganisationIds } from "../goals/index.js";
import { sendMail } from "../mail/index.js";
import { contactRecipients } from "../organisations/index.js";
import { getProgramme } from "../programmes/index.js";
import { roundInput } from "./followup.input.js";
import { requireRoundManager } from "./followup.policy.js";
import * as repo from "./followup.repo.js";
import { buildReport, type ReportOwner } from "./report.service.js";

/** A change the round's state does not allow now, e.g. publishing a draft. */
const wrongState = (key: string) => new HttpError(409, key, "followup.error.wrongStateTitle");

/** Where a round stands. */
export type RoundState = "draft" | "open" | "published";
export const roundState = (r: repo.Round): RoundState => (r.publishedAt ? "published" : r.openedAt ? "open" : "draft");

/** The coordinator's list of rounds with the form for a new one. */
export async function roundsPage(db: Db, viewer: Viewer | null, form: FormState = formState()) {
	await requireRoundManager(db, viewer);
	const programme = await getProgramme(db);
	return { rounds: await repo.listRounds(db, programme.id), form };
}

/** Creates a round (a draft); gives the list back with the form as typed when the input is wrong. */
export async function createRound(db: Db, viewer: Viewer | null, body: unknown): Promise<{ ok: true; id: string } | { ok: false; page: Awaited<ReturnType<typeof roundsPage>> }> {
	await requireRoundManager(db, viewer);
	const parsed = parseForm(roundInput, body);
	if (!parsed.ok) return { ok: false, page: await roundsPage(db, viewer, parsed.state) };
	const programme = await getProgramme(db);
	const round = await repo.insertRound(db, { ...parsed.data, programmeId: programme.id });
	return { ok: true, id: round.id };
}

async function findRound(db: Db, id: string): Promise<repo.Round> {
	const programme = await getProgramme(db);
	const round = isUuid(id) ? await repo.findRound(db, programme.id, id) : undefined;
	if (!round) throw notFound();
	return round;
}

/** An owner of goals in a round: how many goals it has to report on, how many it has, and when it was last reminded. */
export type OwnerProgress = { owner: Omit<ReportOwner, "goals">; goals: number; reported: number; remindedAt: Date | null };

function ownersOf(report: Awaited<ReturnType<typeof buildReport>>): ReportOwner[] {
	const byId = new Map<string, ReportOwner>();
	for (const o of report.areas.flatMap((a) => a.owners)) {
		const known = byId.get(o.id);
		byId.set(o.id, known ? { ...known, goals: [...known.goals, ...o.goals] } : o);
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** A round for the coordinator: its state and who has reported how much. */
export async function roundPage(db: Db, viewer: Viewer | null, id: string) {
	await requireRoundManager(db, viewer);
	const round = await findRound(db, id);
	return { round, state: roundState(round), owners: await ownerProgress(db, round) };
}

/** Who has reported how much in a round, and when each was last reminded. */
export async function ownerProgress(db: Db, round: repo.Round): Promise<OwnerProgress[]> {
	const [report, reminders] = await Promise.all([buildReport(db, round), repo.listReminders(db, round.id)]);
	return ownersOf(report).map(({ goals, ...owner }) => ({
		owner,
		goals: goals.length,
		reported: goals.filter((g) => g.report).length,
		// An initiative is reminded through its owner organisations; the newest reminder to any of them counts.
		remindedAt: reminders.filter((r) => r.organisationId === owner.id || owner.type === "initiative").reduce<Date | null>((a, r) => (!a || r.sentAt > a ? r.sentAt : a), null),
	}));
}

/** Opens a draft round for reports. */
export async function openRound(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	await requireRoundManager(db, viewer);
	const round = await findRound(db, id);
	if (roundState(round) !== "draft") throw wrongState("followup.error.notDraft");
	await repo.updateRound(db, round.id, { openedAt: new Date() });
}

/** What a reminder mail needs from where it is sent: the language and the site's address. */
export type MailContext = { t: T; lang: Lang; base: string; now: Date };

/**
 * Mails a reminder to the contacts of each owner that has not reported on all its goals, organisation by organisation
 * (an initiative through its owners), when `due(organisationId)` says so; gives how many owners were reminded.
 */
export async function remindBehind(deps: { db: Db; config: Config }, page: { round: repo.Round; owners: OwnerProgress[] }, mail: MailContext, due: (organisationId: string) => boolean): Promise<number> {
	const { db, config } = deps;
	const link = `${mail.base}/uppfoljning/${page.round.id}/rapportera`;
	let reminded = 0;
	for (const { owner, goals, reported } of page.owners.filter((o) => o.reported < o.goals)) {
		const organisationIds = (await ownerOrganisationIds(db, owner.type === "organisation" ? { organisationId: owner.id } : { initiativeId: owner.id })).filter(due);
		for (const organisationId of organisationIds) {
			for (const to of await contactRecipients(db, organisationId)) {
				const params = { round: page.round.title, owner: owner.name, missing: goals - reported, deadline: formatDate(mail.lang, page.round.deadline), link };
				await sendMail(db, config, { to, subject: mail.t("followup.reminder.subject", params), body: mail.t("followup.reminder.body", params) });
			}
			await repo.recordReminder(db, page.round.id, organisationId, mail.now);
		}
		if (organisationIds.length) reminded++;
	}
	return reminded;
}

/** The coordinator reminds every owner that is behind, or one; gives how many were reminded. */
export async function remind(deps: { db: Db; config: Config }, viewer: Viewer | null, id: string, ownerId: string | null, mail: Omit<MailContext, "now">): Promise<number> {
	const page = await roundPage(deps.db, viewer, id);
	if (page.state !== "open") throw wrongState("followup.error.notOpen");
	const owners = page.owners.filter((o) => ownerId === null || o.owner.id === ownerId);
	return remindBehind(deps, { round: page.round, owners }, { ...mail, now: new Date() }, () => true);
}

/** Publishes an open round: its report is built once more and kept exactly as it is now. */
export async function publishRound(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	await requireRoundManager(db, viewer);
	const found = await findRound(db, id);
	await db.transaction(async (tx) => {
		const round = await repo.lockRound(tx, found.id, "update");
		if (!round || roundState(round) !== "open") throw wrongState("followup.error.notOpen");
		const publishedAt = new Date();
		const report = await buildReport(tx, { ...round, publishedAt });
		await repo.updateRound(tx, round.id, { publishedAt, publishedReport: report });
	});
}

export { findRound };
