import type { Db } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { focusAreasByOrganisation } from "../focus-areas/index.js";
import { getProgramme } from "../programmes/index.js";
import { maySeeMeeting } from "./decisions.policy.js";
import { type LinkTarget, listLinkTargets } from "./decisions.links.js";
import * as repo from "./decisions.repo.js";

/** An adoption as the public sees it: who decided, when, in which body, under which reference. */
export type PublicAdoption = {
	id: string;
	organisation: { id: string; name: string };
	decidedOn: string;
	body: string;
	reference: string;
};

function toPublic(a: repo.StandingAdoption): PublicAdoption {
	return { id: a.id, organisation: { id: a.organisationId, name: a.organisationName }, decidedOn: a.decidedOn, body: a.body, reference: a.reference };
}

/** The organisations that stand behind the programme's vision now (withdrawn adoptions left out). */
export async function standingAdoptions(db: Db): Promise<PublicAdoption[]> {
	const programme = await getProgramme(db);
	return (await repo.listStandingAdoptions(db, programme.id)).map(toPublic);
}

/** An organisation's standing adoption of the programme's vision, or null when it has none. */
export async function standingAdoptionOf(db: Db, programmeId: string, organisationId: string, viewer: Viewer | null = null): Promise<PublicAdoption | null> {
	const found = await repo.findStandingAdoption(db, programmeId, organisationId, viewer);
	return found ? toPublic(found) : null;
}

/** An organisation's standing adoption of the programme's vision, as its public profile shows it. */
export async function adoptionOfOrganisation(db: Db, organisationId: string): Promise<PublicAdoption | null> {
	return standingAdoptionOf(db, (await getProgramme(db)).id, organisationId);
}

/** The public list of meetings, newest first. */
export async function meetingsPage(db: Db) {
	return cachedRead(db, "decisions.meetings", () => repo.listMeetings(db, true));
}

/** A meeting the person may see (see the policy), or a 404. */
async function visibleMeeting(db: Db, viewer: Viewer | null, id: string): Promise<repo.MeetingInfo> {
	const meeting = isUuid(id) ? await repo.findMeeting(db, id) : undefined;
	if (!meeting || !maySeeMeeting(viewer, meeting)) throw notFound();
	return meeting;
}

/** A meeting and its items for the public, or a 404. */
export async function meetingPage(db: Db, viewer: Viewer | null, id: string) {
	const meeting = await visibleMeeting(db, viewer, id);
	return { meeting, items: await repo.listItems(db, meeting.id) };
}

const pageOf: Record<string, (id: string) => string> = { focus_area: (id) => `/fokusomraden/${id}`, goal: (id) => `/mal/${id}` };
const hrefOf = (t: LinkTarget) => pageOf[t.recordType]?.(t.recordId) ?? "/vision";

/** An item for the public: its meeting, texts, motions, basis, the records it concerns and its corrections; or a 404. */
export async function itemPage(db: Db, viewer: Viewer | null, id: string) {
	const item = isUuid(id) ? await repo.findItem(db, id) : undefined;
	if (!item) throw notFound();
	const programme = await getProgramme(db);
	const [meeting, motions, documents, links, corrections, targets] = await Promise.all([
		visibleMeeting(db, viewer, item.meetingId),
		repo.listMotions(db, item.id),
		repo.listDocuments(db, item.id),
		repo.listLinks(db, item.id),
		repo.listCorrections(db, item.id),
		listLinkTargets(db, programme.id),
	]);
	const concerns = links.flatMap((l) => targets.filter((t) => t.recordType === l.recordType && t.recordId === l.recordId)).map((t) => ({ ...t, href: hrefOf(t) }));
	const proposals = new Map(targets.filter((t) => t.recordType === "proposal").map((t) => [t.recordId, t]));
	return { item, meeting, motions, documents, concerns, corrections, proposals };
}

/** A stored file of a basis for decision, or a 404 (a link has no file). */
export async function documentFile(db: Db, viewer: Viewer | null, id: string) {
	const doc = isUuid(id) ? await repo.findDocument(db, id) : undefined;
	if (!doc?.data) throw notFound();
	await visibleMeeting(db, viewer, (await repo.findItem(db, doc.itemId))!.meetingId);
	return { fileName: doc.fileName ?? "dokument", data: doc.data };
}

/** The decisions the person (the public by default) may see that concern any of these records (e.g. a proposal, a focus area), oldest first. */
export async function decisionsConcerning(db: Db, records: { recordType: string; recordId: string }[], viewer: Viewer | null = null): Promise<repo.ItemSummary[]> {
	return repo.listItemsConcerning(db, records, viewer);
}

/** The decision items of these organisations' own bodies, newest first, to choose the decision behind their record (e.g. a goal) from. */
export async function decisionChoices(db: Db, organisationIds: string[]): Promise<repo.ItemSummary[]> {
	return repo.listItemChoices(db, organisationIds);
}

/** Makes `itemId` the one decision behind a record (null: none); run inside the record's own transaction. */
export async function setDecisionBehind(db: Db, recordType: string, recordId: string, itemId: string | null): Promise<void> {
	await repo.deleteLinksTo(db, recordType, recordId);
	if (itemId) await repo.insertLink(db, itemId, recordType, recordId);
}

/** The decisions marked as key ones, for the programme's timeline. */
export async function keyDecisions(db: Db): Promise<repo.ItemSummary[]> {
	return repo.listKeyItems(db);
}

/** The adopted amendment behind each of these vision texts that came from one, with the decision it was made in, by text id. */
export async function amendmentsBehind(db: Db, visionTextIds: string[]) {
	const motions = await repo.listAmendmentsBehind(db, visionTextIds);
	const items = await Promise.all(motions.map((m) => repo.findItemSummary(db, m.itemId)));
	return new Map(motions.flatMap((motion, i) => (items[i] && motion.visionTextId ? [[motion.visionTextId, { motion, item: items[i] }] as const] : [])));
}

/** "De som står bakom visionen": standing adoptions with their decisions and focus areas, then the withdrawn ones. */
export async function adoptionsPage(db: Db) {
	return cachedRead(db, "decisions.adoptions", async () => {
		const programme = await getProgramme(db);
		const [all, areas] = await Promise.all([repo.listAllAdoptions(db, programme.id, true), focusAreasByOrganisation(db, programme.id)]);
		const withAreas = all.map((a) => ({ ...a, focusAreas: areas.get(a.organisationId) ?? [] }));
		return {
			standing: withAreas.filter((a) => !a.withdrawnOn).sort((x, y) => x.decidedOn.localeCompare(y.decidedOn) || x.organisationName.localeCompare(y.organisationName, "sv")),
			withdrawn: withAreas.filter((a) => a.withdrawnOn),
		};
	});
}
