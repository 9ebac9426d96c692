import type { Db } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import type { SheetTable } from "../../lib/spreadsheet.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm } from "../../ui/forms.js";
import { arenaMeetingsFor } from "../arenas/index.js";
import { getProgramme } from "../programmes/index.js";
import { type CollaborationDeps, inviteCoOwner, inviteeChoices, pendingInvitations } from "../collaboration/index.js";
import { goalIdsOfInitiatives, goalsOfInitiative } from "../goals/index.js";
import { initiativeInput } from "./initiatives.input.js";
import * as policy from "./initiatives.policy.js";
import * as repo from "./initiatives.repo.js";

type Ref = { id: string; name: string };

/** A joint initiative with its owner organisations. */
export type InitiativeWithOwners = repo.InitiativeRow & { owners: Ref[] };

async function withOwners(db: Db, rows: repo.InitiativeRow[]): Promise<InitiativeWithOwners[]> {
	const owners = await repo.ownersOf(db, rows.map((r) => r.id));
	return rows.map((r) => ({ ...r, owners: owners.filter((o) => o.initiativeId === r.id).map(({ id, name }) => ({ id, name })) }));
}

async function findOr404(db: Db, id: string): Promise<InitiativeWithOwners> {
	const programme = await getProgramme(db);
	const row = isUuid(id) ? await repo.findInitiative(db, programme.id, id) : undefined;
	if (!row) throw notFound();
	return (await withOwners(db, [row]))[0]!;
}

/** The initiative for a member of one of its owners, with the owner they act for (see the policy). */
function forOwner(db: Db, viewer: Viewer | null, id: string) {
	return policy.requireOwner(viewer, () => findOr404(db, id));
}

/** The programme's joint initiatives by title, with their owners. */
export async function initiativeList(db: Db): Promise<InitiativeWithOwners[]> {
	const programme = await getProgramme(db);
	return withOwners(db, await repo.listInitiatives(db, programme.id));
}

/** The joint initiatives in a focus area, with their owners, for the area's page. */
export async function initiativesInFocusArea(db: Db, focusAreaId: string): Promise<InitiativeWithOwners[]> {
	if (!isUuid(focusAreaId)) return [];
	const programme = await getProgramme(db);
	return withOwners(db, await repo.listInitiatives(db, programme.id, { focusAreaId }));
}

/** The joint initiatives an organisation owns with others, for its profile. */
export async function initiativesOfOrganisation(db: Db, organisationId: string): Promise<InitiativeWithOwners[]> {
	if (!isUuid(organisationId)) return [];
	const programme = await getProgramme(db);
	return withOwners(db, await repo.listInitiatives(db, programme.id, { organisationId }));
}

/** An initiative's public page: owners, goals, the arena meetings that dealt with it, and what the viewer may do. */
export async function initiativePage(db: Db, viewer: Viewer | null, id: string) {
	const initiative = await findOr404(db, id);
	const canEdit = policy.actingOwner(viewer, initiative) !== null;
	const [goals, meetings, invitations] = await Promise.all([
		goalsOfInitiative(db, initiative.id),
		arenaMeetingsFor(db, { initiativeId: initiative.id }),
		canEdit ? pendingInvitations(db, [initiative.id]) : [],
	]);
	return { initiative, goals, meetings, canEdit, invitations };
}

/** The form to change an initiative's title and description, for its owners. */
export async function editForm(db: Db, viewer: Viewer | null, id: string): Promise<{ initiative: InitiativeWithOwners; state: FormState }> {
	const { initiative } = await forOwner(db, viewer, id);
	return { initiative, state: formState(initiative) };
}

/** Changes an initiative's title and description. */
export async function updateInitiative(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const { initiative } = await forOwner(db, viewer, id);
	const parsed = parseForm(initiativeInput, body);
	if (!parsed.ok) return { ok: false as const, initiative, state: parsed.state };
	await repo.updateInitiative(db, initiative.id, parsed.data);
	return { ok: true as const, id: initiative.id };
}

async function invitationFormOf(db: Db, owned: { initiative: InitiativeWithOwners; acting: Ref }, state: FormState) {
	const choices = await inviteeChoices(db, owned.initiative.id, owned.initiative.owners.map((o) => o.id));
	return { initiative: owned.initiative, acting: owned.acting, choices, state };
}

/** The form to invite a further organisation to co-own an initiative, for its owners. */
export async function invitationForm(db: Db, viewer: Viewer | null, id: string) {
	return invitationFormOf(db, await forOwner(db, viewer, id), formState());
}

/** Invites an organisation to co-own an initiative; it becomes an owner when one of its members accepts. */
export async function invite(deps: CollaborationDeps, viewer: Viewer | null, id: string, body: unknown) {
	const owned = await forOwner(deps.db, viewer, id);
	const result = await inviteCoOwner(deps, owned.viewer, owned.initiative, owned.acting, owned.initiative.owners.map((o) => o.id), body);
	if (result.ok) return { ok: true as const, id: owned.initiative.id };
	return { ok: false as const, status: result.status, form: await invitationFormOf(deps.db, owned, result.state) };
}

/** An initiative as exports and the API give it, with stable ids for its area, owners and goals. */
export type ExportedInitiative = { id: string; title: string; description: string; focusAreaId: string; ownerIds: string[]; goalIds: string[]; createdAt: string; updatedAt: string };

async function exported(db: Db, rows: InitiativeWithOwners[]): Promise<ExportedInitiative[]> {
	const goalIds = await goalIdsOfInitiatives(db, rows.map((r) => r.id));
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		description: r.description,
		focusAreaId: r.focusAreaId,
		ownerIds: r.owners.map((o) => o.id),
		goalIds: goalIds.filter((g) => g.initiativeId === r.id).map((g) => g.id),
		createdAt: r.createdAt.toISOString(),
		updatedAt: r.updatedAt.toISOString(),
	}));
}

/** Every joint initiative for export and the API, by title. */
export async function exportInitiatives(db: Db): Promise<ExportedInitiative[]> {
	return exported(db, await initiativeList(db));
}

/** One joint initiative for the API; 404 for an unknown or malformed id. */
export async function exportInitiative(db: Db, id: string): Promise<ExportedInitiative> {
	return (await exported(db, [await findOr404(db, id)]))[0]!;
}

/** Every joint initiative as one table for the CSV and .xlsx downloads; several ids in one cell are separated by spaces. */
export async function initiativesTable(db: Db, name: string): Promise<SheetTable> {
	const rows = await exportInitiatives(db);
	const header = ["id", "title", "description", "focusAreaId", "ownerIds", "goalIds", "createdAt", "updatedAt"];
	return { name, header, rows: rows.map((r) => [r.id, r.title, r.description, r.focusAreaId, r.ownerIds.join(" "), r.goalIds.join(" "), r.createdAt, r.updatedAt]) };
}
