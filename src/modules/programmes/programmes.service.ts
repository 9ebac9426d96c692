import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import { isUuid } from "../../lib/ids.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { organisationChoices } from "../organisations/index.js";
import { phaseInput, programmeInput } from "./programmes.input.js";
import { requireCoordinator } from "./programmes.policy.js";
import * as repo from "./programmes.repo.js";

/** The installation's programme, or a 404 when none has been set up yet. */
export async function getProgramme(db: Db): Promise<repo.Programme> {
	const programme = await repo.findProgramme(db);
	if (!programme) throw notFound();
	return programme;
}

/** The id of the organisation that coordinates the programme now, if any. */
export async function coordinatorId(db: Db): Promise<string | null> {
	return (await repo.findProgramme(db))?.coordinatorId ?? null;
}

/** The programme, who coordinates it and its phases, for the start page (which adds the key decisions) and the API. */
export async function startPage(db: Db) {
	const found = await cachedRead(db, "programme.startPage", async () => {
		const row = await repo.findProgrammeWithCoordinator(db);
		return row && { ...row, phases: await repo.listPhases(db, row.programme.id) };
	});
	if (!found) throw notFound();
	return found;
}

/** The coordinator's programme page: the programme, its phases, and the organisations that may coordinate. */
export async function programmeForAdmin(db: Db, viewer: Viewer | null) {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const [phases, organisations] = await Promise.all([repo.listPhases(db, programme.id), organisationChoices(db, "all")]);
	return { programme, phases, organisations };
}

/** Saves the programme form, or gives it back with its errors and what the page shows around it. */
export async function updateProgramme(db: Db, viewer: Viewer | null, body: unknown) {
	const page = await programmeForAdmin(db, viewer);
	const parsed = parseForm(programmeInput, body);
	if (!parsed.ok) return { ok: false as const, ...page, state: parsed.state };
	const { coordinatorId } = parsed.data;
	if (coordinatorId && !page.organisations.some((o) => o.id === coordinatorId)) {
		return { ok: false as const, ...page, state: withError(formState(body as Record<string, unknown>), "coordinatorId", "error.unknownOrganisation") };
	}
	await db.transaction(async (tx) => {
		await repo.updateProgramme(tx, page.programme.id, parsed.data);
		// The coordinator history stays complete even when the coordinator is changed here, without a recorded decision.
		if (coordinatorId && coordinatorId !== page.programme.coordinatorId) {
			await repo.insertCoordinator(tx, { programmeId: page.programme.id, organisationId: coordinatorId, fromDate: todayInSweden() });
		}
	});
	return { ok: true as const };
}

/** One phase for the coordinator's edit form, or a 404. */
export async function phaseForAdmin(db: Db, viewer: Viewer | null, id: string): Promise<repo.ProgrammePhase> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const phase = isUuid(id) ? await repo.findPhase(db, programme.id, id) : undefined;
	if (!phase) throw notFound();
	return phase;
}

/** Adds a phase from the submitted form; the timeline stays in date order. */
export async function createPhase(db: Db, viewer: Viewer | null, body: unknown): Promise<{ ok: true } | { ok: false; state: FormState }> {
	await requireCoordinator(db, viewer);
	const programme = await getProgramme(db);
	const parsed = parseForm(phaseInput, body);
	if (!parsed.ok) return parsed;
	await db.transaction(async (tx) => {
		await repo.insertPhase(tx, programme.id, parsed.data);
		await repo.renumberPhases(tx, programme.id);
	});
	return { ok: true };
}

/** Changes a phase from the submitted form; the timeline stays in date order. */
export async function updatePhase(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const phase = await phaseForAdmin(db, viewer, id);
	const parsed = parseForm(phaseInput, body);
	if (!parsed.ok) return { ok: false as const, phase, state: parsed.state };
	await db.transaction(async (tx) => {
		await repo.updatePhase(tx, phase.id, parsed.data);
		await repo.renumberPhases(tx, phase.programmeId);
	});
	return { ok: true as const };
}

/** Removes a phase from the timeline. */
export async function deletePhase(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	const phase = await phaseForAdmin(db, viewer, id);
	await db.transaction(async (tx) => {
		await repo.deletePhase(tx, phase.id);
		await repo.renumberPhases(tx, phase.programmeId);
	});
}

/** Names the decision body whose decisions adopt and amend the programme's vision (null: none). */
export async function setVisionBody(db: Db, bodyId: string | null): Promise<void> {
	const programme = await getProgramme(db);
	await repo.updateProgramme(db, programme.id, { visionBodyId: bodyId });
}

/** Hands the coordinator role to an organisation from a date, on a recorded decision; the history is kept. */
export async function handOverCoordination(db: Db, values: { organisationId: string; fromDate: string; itemId: string }): Promise<void> {
	const programme = await getProgramme(db);
	await db.transaction((tx) => repo.insertCoordinator(tx, { ...values, programmeId: programme.id }));
}
