// Owners report on their goals in an open round, until its deadline. A refused report keeps everything typed.
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { msg } from "../../ui/messages.js";
import { reportInput } from "./followup.input.js";
import { canReadReport, mayReport, requireReporter, requireSignedIn } from "./followup.policy.js";
import * as repo from "./followup.repo.js";
import { evidenceType, isUploadedFile, maxEvidenceFileBytes, maxEvidenceFiles, safeFileName } from "./followup.uploads.js";
import { buildReport, type ReportGoal, type ReportIndicator, type ReportOwner } from "./report.service.js";
import { findRound, roundState } from "./rounds.service.js";

const ownerKey = (o: Pick<ReportOwner, "type" | "id">) => (o.type === "organisation" ? { organisationId: o.id } : { initiativeId: o.id });

/** Why a round takes no reports now, or null when it does. */
function closedBecause(round: repo.Round, today = todayInSweden()): string | null {
	const state = roundState(round);
	if (state === "draft") return "followup.closed.notOpen";
	if (state === "published") return "followup.closed.published";
	return today > round.deadline ? "followup.closed.pastDeadline" : null;
}

/** The goals in a round a person may report on, by owner, with what each has reported. */
export async function reportingPage(db: Db, viewer: Viewer | null, roundId: string) {
	requireSignedIn(viewer);
	const round = await findRound(db, roundId);
	if (roundState(round) === "draft") throw notFound();
	const report = await buildReport(db, round);
	const owners: ReportOwner[] = [];
	for (const owner of report.areas.flatMap((a) => a.owners)) {
		if (!(await mayReport(db, viewer, ownerKey(owner)))) continue;
		const known = owners.find((o) => o.id === owner.id);
		if (known) known.goals.push(...owner.goals);
		else owners.push({ ...owner, goals: [...owner.goals] });
	}
	return { round, closed: closedBecause(round), owners };
}

/** What the report form shows: the goal with its computed progress and indicator, and the form. */
export type ReportForm = { round: repo.Round; closed: string | null; owner: ReportOwner; goal: ReportGoal; indicator: ReportIndicator | null; state: FormState; fileState?: FormState };

async function goalInRound(db: Db, viewer: Viewer | null, roundId: string, goalId: string) {
	const round = await findRound(db, roundId);
	if (roundState(round) === "draft" || !isUuid(goalId)) throw notFound();
	const report = await buildReport(db, round);
	for (const owner of report.areas.flatMap((a) => a.owners)) {
		const goal = owner.goals.find((g) => g.id === goalId.toLowerCase());
		if (!goal) continue;
		const organisationId = await requireReporter(db, viewer, ownerKey(owner));
		const indicator = report.indicators.find((i) => i.id === goal.indicatorId) ?? null;
		return { round, owner, goal, indicator, organisationId };
	}
	throw notFound();
}

/** The form for a goal's report, filled with what was reported before (or the goal's status). */
export async function reportForm(db: Db, viewer: Viewer | null, roundId: string, goalId: string): Promise<ReportForm> {
	const { round, owner, goal, indicator } = await goalInRound(db, viewer, roundId, goalId);
	const r = goal.report;
	const state = formState(
		r
			? {
					status: r.status,
					account: r.account,
					evidence: r.evidence.join("\n"),
					ownValue: r.ownValue?.value,
					ownValueYear: r.ownValue?.year,
					progressOverride: goal.override?.state,
					overrideReason: goal.override?.reason,
				}
			: { status: goal.status },
	);
	return { round, closed: closedBecause(round), owner, goal, indicator, state };
}

/** Stores a goal's report; refuses, keeping what was typed, when the input is wrong or the round takes no reports. */
export async function saveReport(db: Db, viewer: Viewer | null, roundId: string, goalId: string, body: unknown): Promise<{ ok: true } | { ok: false; form: ReportForm }> {
	const found = await goalInRound(db, viewer, roundId, goalId);
	const fail = (state: FormState) => ({ ok: false as const, form: { ...found, closed: closedBecause(found.round), state } });
	const parsed = parseForm(reportInput, body);
	if (!parsed.ok) return fail(parsed.state);
	const typed = formState(body as Record<string, unknown>);
	const { ownValue, ownValueYear, ...report } = parsed.data;
	if (ownValue !== null && found.indicator?.kind === "kolada") return fail(withError(typed, "ownValue", "followup.error.koladaValue"));
	const closed = await db.transaction(async (tx) => {
		const round = await repo.lockRound(tx, found.round.id, "share");
		const reason = round ? closedBecause(round) : "followup.closed.notOpen";
		if (reason) return reason;
		await repo.saveReport(tx, { ...report, ownValue, ownValueYear, roundId: found.round.id, goalId: found.goal.id, organisationId: found.organisationId, reportedBy: viewer!.id, reportedAt: new Date() });
		return null;
	});
	return closed ? fail(withError(typed, "_form", closed)) : { ok: true };
}

/** Adds a file as evidence to a goal's report; refused with a message at the file field when it is missing, too large, of a type not taken, one too many, or the round takes no reports. */
export async function addEvidenceFile(db: Db, viewer: Viewer | null, roundId: string, goalId: string, body: unknown): Promise<{ ok: true } | { ok: false; form: ReportForm }> {
	const found = await goalInRound(db, viewer, roundId, goalId);
	const page = await reportForm(db, viewer, roundId, goalId);
	const fail = (message: string) => ({ ok: false as const, form: { ...page, fileState: withError(formState(), "file", message) } });
	const { file } = (body ?? {}) as Record<string, unknown>;
	if (!found.goal.report) return fail("followup.error.reportFirst");
	if (!isUploadedFile(file) || file.data.length === 0) return fail("followup.error.noFile");
	if (file.tooLarge) return fail(msg("followup.error.fileTooLarge", { max: maxEvidenceFileBytes / 1024 / 1024 }));
	const contentType = evidenceType(file.data, file.fileName);
	if (!contentType) return fail("followup.error.fileType");
	const closed = await db.transaction(async (tx) => {
		const round = await repo.lockRound(tx, found.round.id, "share");
		const reason = round ? closedBecause(round) : "followup.closed.notOpen";
		if (reason) return reason;
		const files = (await repo.listFiles(tx, found.round.id)).filter((f) => f.goalId === found.goal.id);
		if (files.length >= maxEvidenceFiles) return msg("followup.error.tooManyFiles", { max: maxEvidenceFiles });
		await repo.insertFile(tx, { roundId: found.round.id, goalId: found.goal.id, fileName: safeFileName(file.fileName), contentType, size: file.data.length, data: file.data, uploadedBy: viewer!.id });
		return null;
	});
	return closed ? fail(closed) : { ok: true };
}

/** Removes an evidence file from a goal's report while the round takes reports; after that the file stays as reported. */
export async function removeEvidenceFile(db: Db, viewer: Viewer | null, roundId: string, goalId: string, fileId: string): Promise<{ ok: true } | { ok: false; form: ReportForm }> {
	const found = await goalInRound(db, viewer, roundId, goalId);
	if (!isUuid(fileId)) throw notFound();
	const closed = await db.transaction(async (tx) => {
		const round = await repo.lockRound(tx, found.round.id, "share");
		const reason = round ? closedBecause(round) : "followup.closed.notOpen";
		if (reason) return reason;
		if (!(await repo.deleteFile(tx, found.round.id, found.goal.id, fileId.toLowerCase()))) throw notFound();
		return null;
	});
	if (!closed) return { ok: true };
	const page = await reportForm(db, viewer, roundId, goalId);
	return { ok: false, form: { ...page, fileState: withError(formState(), "_form", closed) } };
}

/** An evidence file for download: anyone once the round is published, before that the coordinator and the members who may report on its goal. */
export async function evidenceFile(db: Db, viewer: Viewer | null, roundId: string, fileId: string) {
	const round = await findRound(db, roundId);
	const file = isUuid(fileId) ? await repo.findFile(db, round.id, fileId.toLowerCase()) : undefined;
	if (!file) throw notFound();
	if (await canReadReport(db, viewer, round)) return file;
	const owner = (await buildReport(db, round)).areas.flatMap((a) => a.owners).find((o) => o.goals.some((g) => g.id === file.goalId));
	if (!owner || !(await mayReport(db, viewer, ownerKey(owner)))) throw notFound();
	return file;
}
