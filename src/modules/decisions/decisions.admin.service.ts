// Recording decisions: the rules that keep a published protocol honest (who may do it: decisions.policy.ts).
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { msg } from "../../ui/messages.js";
import { isUploadedFile, maxDocumentBytes } from "./decisions.uploads.js";
import { organisationChoices } from "../organisations/index.js";
import { actorOf, getProgramme, handOverCoordination, listCoordinators, setVisionBody } from "../programmes/index.js";
import { findProposal, recordAdoptedText } from "../proposals/index.js";
import { adoptionInput, bodyInput, correctionInput, documentFileInput, documentLinkInput, handoverInput, itemInput, linkInput, meetingInput, motionInput, visionBodyInput, withdrawalInput } from "./decisions.input.js";
import * as policy from "./decisions.policy.js";
import { listLinkTargets } from "./decisions.links.js";
import * as repo from "./decisions.repo.js";

/** A saved form, or the form to show again with its errors. */
export type Saved = { ok: true; id: string } | { ok: false; state: FormState };

const fail = (body: unknown, field: string, key: string): Saved => ({ ok: false, state: withError(formState(body as Record<string, unknown>), field, key) });

/** The organisations a person may act for as an official (throws unless there is one), as choices. */
async function officeChoices(db: Db, viewer: Viewer | null) {
	const allowed = policy.requireSomeOffice(await actorOf(db, viewer));
	const organisations = await organisationChoices(db, "all");
	return organisations.filter((o) => allowed === "all" || allowed.includes(o.id));
}

/** The officials' overview: the bodies and meetings they may record in, and the organisations for a new body. */
export async function decisionsAdmin(db: Db, viewer: Viewer | null) {
	const organisations = await officeChoices(db, viewer);
	const mine = new Set(organisations.map((o) => o.id));
	const [programme, bodies, meetings, { coordinates }] = await Promise.all([getProgramme(db), repo.listBodies(db), repo.listMeetings(db, false), actorOf(db, viewer)]);
	const own = bodies.filter((b) => mine.has(b.organisationId));
	return { organisations, bodies: own, meetings: meetings.filter((m) => mine.has(m.organisationId)), visionBody: coordinates ? { id: programme.visionBodyId, choices: own } : null };
}

/** The coordinator names the body whose decisions adopt and amend the programme's vision (or none). */
export async function nameVisionBody(db: Db, viewer: Viewer | null, body: unknown): Promise<Saved> {
	policy.requireCoordination(await actorOf(db, viewer));
	const parsed = parseForm(visionBodyInput, body);
	if (!parsed.ok) return parsed;
	const { bodyId } = parsed.data;
	if (bodyId && !(await repo.findBody(db, bodyId))) return fail(body, "bodyId", "decisions.error.unknownBody");
	await setVisionBody(db, bodyId);
	return { ok: true, id: bodyId ?? "" };
}

/** Adds a decision body to an organisation the person is an official of; its name is unique within the organisation. */
export async function createBody(db: Db, viewer: Viewer | null, body: unknown): Promise<Saved> {
	const organisations = await officeChoices(db, viewer);
	const parsed = parseForm(bodyInput, body);
	if (!parsed.ok) return parsed;
	if (!organisations.some((o) => o.id === parsed.data.organisationId)) return fail(body, "organisationId", "error.unknownOrganisation");
	try {
		return { ok: true, id: (await repo.insertBody(db, parsed.data)).id };
	} catch (err) {
		if (isUniqueViolation(err)) return fail(body, "name", "error.nameTaken");
		throw err;
	}
}

/** Adds a meeting of a body the person is an official of. */
export async function createMeeting(db: Db, viewer: Viewer | null, body: unknown): Promise<Saved> {
	policy.requireSomeOffice(await actorOf(db, viewer));
	const parsed = parseForm(meetingInput, body);
	if (!parsed.ok) return parsed;
	const decisionBody = await repo.findBody(db, parsed.data.bodyId);
	if (!decisionBody) return fail(body, "bodyId", "decisions.error.unknownBody");
	policy.requireOfficialFor(await actorOf(db, viewer), decisionBody.organisationId);
	return { ok: true, id: (await repo.insertMeeting(db, parsed.data)).id };
}

/** A meeting with its items for an official of its body, or a 404. */
export async function meetingForAdmin(db: Db, viewer: Viewer | null, id: string) {
	const meeting = isUuid(id) ? await repo.findMeeting(db, id) : undefined;
	if (!meeting) throw notFound();
	policy.requireOfficialFor(await actorOf(db, viewer), meeting.organisationId);
	return { meeting, items: await repo.listItems(db, meeting.id) };
}

/** Adds an item to a meeting: its paragraph is unique in the meeting and it is not decided before the meeting. */
export async function createItem(db: Db, viewer: Viewer | null, meetingId: string, body: unknown) {
	const page = await meetingForAdmin(db, viewer, meetingId);
	const parsed = parseForm(itemInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	if (parsed.data.decidedOn < page.meeting.heldOn) return { ...page, ...fail(body, "decidedOn", "decisions.error.beforeMeeting") };
	try {
		return { ...page, ok: true as const, id: (await repo.insertItem(db, { ...parsed.data, meetingId: page.meeting.id })).id };
	} catch (err) {
		if (isUniqueViolation(err)) return { ...page, ...fail(body, "paragraph", "decisions.error.paragraphTaken") };
		throw err;
	}
}

/** Everything an official needs to work on an item: its meeting, texts, motions, documents, links and choices. */
export async function itemForAdmin(db: Db, viewer: Viewer | null, id: string) {
	const item = isUuid(id) ? await repo.findItem(db, id) : undefined;
	if (!item) throw notFound();
	const meeting = (await repo.findMeeting(db, item.meetingId))!;
	policy.requireOfficialFor(await actorOf(db, viewer), meeting.organisationId);
	const programme = await getProgramme(db);
	const [motions, documents, links, corrections, targets] = await Promise.all([
		repo.listMotions(db, item.id),
		repo.listDocuments(db, item.id),
		repo.listLinks(db, item.id),
		repo.listCorrections(db, item.id),
		listLinkTargets(db, programme.id),
	]);
	return { programme, item, meeting, motions, documents, links, corrections, targets };
}

/** Corrects a published item: the new texts replace the old only together with a reason, and the old version is kept. */
export async function correctItem(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await itemForAdmin(db, viewer, id);
	const parsed = parseForm(correctionInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	if (parsed.data.decidedOn < page.meeting.heldOn) return { ...page, ...fail(body, "decidedOn", "decisions.error.beforeMeeting") };
	const { reason, ...values } = parsed.data;
	await db.transaction((tx) => repo.correctItem(tx, page.item, values, reason));
	return { ...page, ok: true as const, id: page.item.id };
}

/**
 * Records a motion on an item. An amendment must name a proposal that still exists; when it gets bifall,
 * its text becomes a new adopted version of the vision, dated on the decision and tied to the motion.
 */
export async function addMotion(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await itemForAdmin(db, viewer, id);
	const parsed = parseForm(motionInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	const { proposalId, amendedText, ...rest } = parsed.data;
	const amends = rest.kind === "amend";
	const proposal = amends && proposalId ? await findProposal(db, page.programme.id, proposalId) : undefined;
	if (amends && !proposal) return { ...page, ...fail(body, "proposalId", "decisions.error.proposalGone") };
	const changesVision = Boolean(proposal && amendedText && rest.outcome === "bifall");
	if (changesVision && !policy.mayChangeVision(page.programme, page.meeting)) return { ...page, ...fail(body, "proposalId", "decisions.error.notVisionBody") };
	await db.transaction(async (tx) => {
		let visionTextId: string | null = null;
		if (proposal && amendedText && changesVision) {
			const values = { programmeId: page.programme.id, proposalId: proposal.id, title: proposal.title, subtext: amendedText, adoptedOn: page.item.decidedOn };
			visionTextId = await recordAdoptedText(tx, values);
		}
		await repo.insertMotion(tx, { ...rest, itemId: page.item.id, proposalId: proposal?.id ?? null, amendedText: amends ? amendedText : null, visionTextId });
		if (proposal && !page.links.some((l) => l.recordType === "proposal" && l.recordId === proposal.id)) await repo.insertLink(tx, page.item.id, "proposal", proposal.id);
	});
	return { ...page, ok: true as const, id: page.item.id };
}

/** Adds a link to the item's basis for decision. */
export async function addDocumentLink(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await itemForAdmin(db, viewer, id);
	const parsed = parseForm(documentLinkInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	await repo.insertDocument(db, { itemId: page.item.id, title: parsed.data.docTitle, url: parsed.data.url });
	return { ...page, ok: true as const, id: page.item.id };
}

/**
 * Stores an uploaded document of the basis for decision, with its name and size, up to the size limit.
 * Its content type is recorded as a plain download, whatever the browser claimed.
 */
export async function addDocumentFile(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await itemForAdmin(db, viewer, id);
	const { file, ...fields } = (body ?? {}) as Record<string, unknown>;
	const parsed = parseForm(documentFileInput, fields);
	if (!parsed.ok) return { ...page, ...parsed };
	if (!isUploadedFile(file) || file.data.length === 0) return { ...page, ...fail(fields, "file", "decisions.error.noFile") };
	if (file.tooLarge) return { ...page, ...fail(fields, "file", msg("decisions.error.fileTooLarge", { max: maxDocumentBytes / 1024 / 1024 })) };
	const fileName = file.fileName.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 200) || "dokument";
	await repo.insertDocument(db, { itemId: page.item.id, title: parsed.data.fileTitle, fileName, contentType: "application/octet-stream", size: file.data.length, data: file.data });
	return { ...page, ok: true as const, id: page.item.id };
}

/** Points the item at a record of the programme it concerns; pointing twice at the same record is refused. */
export async function addLink(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await itemForAdmin(db, viewer, id);
	const parsed = parseForm(linkInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	const { recordType, recordId } = parsed.data.target;
	if (!page.targets.some((t) => t.recordType === recordType && t.recordId === recordId)) return { ...page, ...fail(body, "target", "error.badChoice") };
	try {
		await repo.insertLink(db, page.item.id, recordType, recordId);
	} catch (err) {
		if (isUniqueViolation(err)) return { ...page, ...fail(body, "target", "decisions.error.alreadyLinked") };
		throw err;
	}
	return { ...page, ok: true as const, id: page.item.id };
}

/** The coordinator's handover page: who has coordinated, the organisations and the recorded decisions to choose from. */
export async function handoverPage(db: Db, viewer: Viewer | null) {
	policy.requireCoordination(await actorOf(db, viewer));
	const programme = await getProgramme(db);
	const [history, organisations, items] = await Promise.all([listCoordinators(db, programme.id), organisationChoices(db, "all"), repo.listItemChoices(db, "all")]);
	return { programme, history, organisations, items };
}

/**
 * Hands the coordinator role over on a recorded decision: from its date (not before the decision, not in the
 * future, since the rights move at once), the new coordinator's admins get the rights and the old ones lose them.
 */
export async function handOver(db: Db, viewer: Viewer | null, body: unknown) {
	const page = await handoverPage(db, viewer);
	const parsed = parseForm(handoverInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	const { organisationId, fromDate, itemId } = parsed.data;
	const item = page.items.find((i) => i.id === itemId);
	if (!item) return { ...page, ...fail(body, "itemId", "decisions.error.unknownItem") };
	if (!page.organisations.some((o) => o.id === organisationId)) return { ...page, ...fail(body, "organisationId", "error.unknownOrganisation") };
	if (organisationId === page.programme.coordinatorId) return { ...page, ...fail(body, "organisationId", "decisions.error.alreadyCoordinator") };
	if (fromDate < item.decidedOn) return { ...page, ...fail(body, "fromDate", "decisions.error.beforeDecision") };
	if (fromDate > todayInSweden()) return { ...page, ...fail(body, "fromDate", "decisions.error.inFuture") };
	await handOverCoordination(db, { organisationId, fromDate, itemId });
	return { ...page, ok: true as const, id: itemId };
}

/** The adoption administration: the organisations the person may record for, their adoptions, and decisions to refer to. */
export async function adoptionsAdmin(db: Db, viewer: Viewer | null) {
	const organisations = await officeChoices(db, viewer);
	const mine = new Set(organisations.map((o) => o.id));
	const programme = await getProgramme(db);
	const [adoptions, items] = await Promise.all([repo.listAllAdoptions(db, programme.id, false), repo.listItemChoices(db, [...mine])]);
	return { programme, organisations, adoptions: adoptions.filter((a) => mine.has(a.organisationId)), items };
}

/**
 * Records an organisation's adoption of the vision: an actor admin for their own organisation, the coordinator
 * for anyone. An organisation whose adoption stands cannot adopt again; after a withdrawal it can.
 */
export async function recordAdoption(db: Db, viewer: Viewer | null, body: unknown) {
	const page = await adoptionsAdmin(db, viewer);
	const parsed = parseForm(adoptionInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	const { itemId, ...values } = parsed.data;
	if (!page.organisations.some((o) => o.id === values.organisationId)) return { ...page, ...fail(body, "organisationId", "error.unknownOrganisation") };
	const item = page.items.find((i) => i.id === itemId);
	if (itemId && !(item && policy.mayReferTo([values.organisationId], item))) return { ...page, ...fail(body, "itemId", "decisions.error.unknownItem") };
	if (page.adoptions.some((a) => a.organisationId === values.organisationId && !a.withdrawnOn)) return { ...page, ...fail(body, "organisationId", "decisions.error.alreadyAdopted") };
	await repo.insertAdoption(db, { ...values, itemId, programmeId: page.programme.id });
	return { ...page, ok: true as const, id: values.organisationId };
}

/** Withdraws an adoption on a date (today when none is given), keeping it in the history; twice is refused. */
export async function withdrawAdoption(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	const page = await adoptionsAdmin(db, viewer);
	const adoption = isUuid(id) ? await repo.findAdoption(db, page.programme.id, id) : undefined;
	if (!adoption) throw notFound();
	policy.requireOfficialFor(await actorOf(db, viewer), adoption.organisationId);
	const parsed = parseForm(withdrawalInput, body);
	if (!parsed.ok) return { ...page, ...parsed };
	const withdrawnOn = parsed.data.withdrawnOn ?? todayInSweden();
	if (withdrawnOn < adoption.decidedOn) return { ...page, ...fail(body, "withdrawnOn", "decisions.error.withdrawnBeforeAdopted") };
	if (!(await repo.withdrawAdoption(db, adoption.id, withdrawnOn))) return { ...page, ...fail(body, "withdrawnOn", "decisions.error.alreadyWithdrawn") };
	return { ...page, ok: true as const, id: adoption.id };
}
