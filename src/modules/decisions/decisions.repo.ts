import { and, asc, desc, eq, getTableColumns, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { organisations, visibleTo } from "../organisations/organisations.schema.js";
import { adoptions, decisionBodies, decisionDocuments, decisionItemCorrections, decisionItems, decisionLinks, meetings, motions } from "./decisions.schema.js";

/** An adoption that stands (not withdrawn), with the name of the organisation behind it. */
export type StandingAdoption = {
	id: string;
	organisationId: string;
	organisationName: string;
	decidedOn: string;
	body: string;
	reference: string;
	itemId: string | null;
	documentUrl: string | null;
};

const standingColumns = {
	id: adoptions.id,
	organisationId: adoptions.organisationId,
	organisationName: organisations.name,
	decidedOn: adoptions.decidedOn,
	body: adoptions.body,
	reference: adoptions.reference,
	itemId: adoptions.itemId,
	documentUrl: adoptions.documentUrl,
};

/** Every standing adoption of a programme the public may see, oldest decision first. */
export async function listStandingAdoptions(db: Db, programmeId: string): Promise<StandingAdoption[]> {
	return db
		.select(standingColumns)
		.from(adoptions)
		.innerJoin(organisations, eq(organisations.id, adoptions.organisationId))
		.where(and(eq(adoptions.programmeId, programmeId), isNull(adoptions.withdrawnOn), visibleTo(adoptions.organisationId)))
		.orderBy(asc(adoptions.decidedOn), asc(organisations.name), asc(adoptions.id));
}

/** One organisation's standing adoption of a programme's vision (its newest, should there be several), if the person may see it. */
export async function findStandingAdoption(db: Db, programmeId: string, organisationId: string, viewer: Viewer | null): Promise<StandingAdoption | undefined> {
	const rows = await db
		.select(standingColumns)
		.from(adoptions)
		.innerJoin(organisations, eq(organisations.id, adoptions.organisationId))
		.where(and(eq(adoptions.programmeId, programmeId), eq(adoptions.organisationId, organisationId), isNull(adoptions.withdrawnOn), visibleTo(adoptions.organisationId, viewer)))
		.orderBy(desc(adoptions.decidedOn), desc(adoptions.createdAt))
		.limit(1);
	return rows[0];
}

export type DecisionBody = typeof decisionBodies.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type DecisionItem = typeof decisionItems.$inferSelect;
export type Motion = typeof motions.$inferSelect;
export type DecisionDocument = Omit<typeof decisionDocuments.$inferSelect, "data">;
export type Correction = typeof decisionItemCorrections.$inferSelect;
/** The texts of an item that a correction may change. */
export type ItemValues = Correction["previous"];

/** A meeting with its body and the organisation the body belongs to. */
export type MeetingInfo = Meeting & { bodyName: string; organisationId: string; organisationName: string; organisationStatus: string };

const meetingColumns = {
	id: meetings.id,
	bodyId: meetings.bodyId,
	heldOn: meetings.heldOn,
	createdAt: meetings.createdAt,
	bodyName: decisionBodies.name,
	organisationId: decisionBodies.organisationId,
	organisationName: organisations.name,
	organisationStatus: organisations.status,
};

/** Every decision body with its organisation's name, by organisation then body name. */
export async function listBodies(db: Db): Promise<(DecisionBody & { organisationName: string })[]> {
	return db
		.select({ id: decisionBodies.id, organisationId: decisionBodies.organisationId, name: decisionBodies.name, createdAt: decisionBodies.createdAt, organisationName: organisations.name })
		.from(decisionBodies)
		.innerJoin(organisations, eq(organisations.id, decisionBodies.organisationId))
		.orderBy(asc(organisations.name), asc(decisionBodies.name));
}

/** One decision body. */
export async function findBody(db: Db, id: string): Promise<DecisionBody | undefined> {
	return (await db.select().from(decisionBodies).where(eq(decisionBodies.id, id)))[0];
}

/** Stores a decision body. */
export async function insertBody(db: Db, values: { organisationId: string; name: string }): Promise<DecisionBody> {
	return (await db.insert(decisionBodies).values(values).returning())[0]!;
}

/** Every meeting, newest first; with `publicOnly`, those of organisations the public may see. */
export async function listMeetings(db: Db, publicOnly: boolean): Promise<MeetingInfo[]> {
	return db
		.select(meetingColumns)
		.from(meetings)
		.innerJoin(decisionBodies, eq(decisionBodies.id, meetings.bodyId))
		.innerJoin(organisations, eq(organisations.id, decisionBodies.organisationId))
		.where(publicOnly ? visibleTo(decisionBodies.organisationId) : undefined)
		.orderBy(desc(meetings.heldOn), asc(decisionBodies.name));
}

/** One meeting with its body. */
export async function findMeeting(db: Db, id: string): Promise<MeetingInfo | undefined> {
	const rows = await db
		.select(meetingColumns)
		.from(meetings)
		.innerJoin(decisionBodies, eq(decisionBodies.id, meetings.bodyId))
		.innerJoin(organisations, eq(organisations.id, decisionBodies.organisationId))
		.where(eq(meetings.id, id));
	return rows[0];
}

/** Stores a meeting. */
export async function insertMeeting(db: Db, values: { bodyId: string; heldOn: string }): Promise<Meeting> {
	return (await db.insert(meetings).values(values).returning())[0]!;
}

/** A meeting's items in paragraph order. */
export async function listItems(db: Db, meetingId: string): Promise<DecisionItem[]> {
	return db.select().from(decisionItems).where(eq(decisionItems.meetingId, meetingId)).orderBy(asc(decisionItems.paragraph));
}

/** One item. */
export async function findItem(db: Db, id: string): Promise<DecisionItem | undefined> {
	return (await db.select().from(decisionItems).where(eq(decisionItems.id, id)))[0];
}

/** Stores an item. */
export async function insertItem(db: Db, values: typeof decisionItems.$inferInsert): Promise<DecisionItem> {
	return (await db.insert(decisionItems).values(values).returning())[0]!;
}

/** Replaces an item's texts, keeping the earlier version with the reason. */
export async function correctItem(db: Db, item: DecisionItem, values: ItemValues, reason: string): Promise<void> {
	const { caseNumber, title, background, proposedDecision, points, distribution, decidedOn } = item;
	await db.insert(decisionItemCorrections).values({ itemId: item.id, reason, previous: { caseNumber, title, background, proposedDecision, points, distribution, decidedOn } });
	await db.update(decisionItems).set({ ...values, updatedAt: new Date() }).where(eq(decisionItems.id, item.id));
}

/** An item's corrections, oldest first. */
export async function listCorrections(db: Db, itemId: string): Promise<Correction[]> {
	return db.select().from(decisionItemCorrections).where(eq(decisionItemCorrections.itemId, itemId)).orderBy(asc(decisionItemCorrections.correctedAt), asc(decisionItemCorrections.id));
}

/** An item's motions in the order they were recorded. */
export async function listMotions(db: Db, itemId: string): Promise<Motion[]> {
	return db.select().from(motions).where(eq(motions.itemId, itemId)).orderBy(asc(motions.createdAt), asc(motions.id));
}

/** Stores a motion. */
export async function insertMotion(db: Db, values: typeof motions.$inferInsert): Promise<Motion> {
	return (await db.insert(motions).values(values).returning())[0]!;
}

/** The adopted amendments that created these vision texts. */
export async function listAmendmentsBehind(db: Db, visionTextIds: string[]): Promise<Motion[]> {
	return visionTextIds.length ? db.select().from(motions).where(inArray(motions.visionTextId, visionTextIds)) : [];
}

const documentColumns = {
	id: decisionDocuments.id,
	itemId: decisionDocuments.itemId,
	title: decisionDocuments.title,
	url: decisionDocuments.url,
	fileName: decisionDocuments.fileName,
	contentType: decisionDocuments.contentType,
	size: decisionDocuments.size,
	createdAt: decisionDocuments.createdAt,
};

/** An item's basis for decision, without the files' contents. */
export async function listDocuments(db: Db, itemId: string): Promise<DecisionDocument[]> {
	return db.select(documentColumns).from(decisionDocuments).where(eq(decisionDocuments.itemId, itemId)).orderBy(asc(decisionDocuments.createdAt), asc(decisionDocuments.id));
}

/** One stored document with its contents. */
export async function findDocument(db: Db, id: string) {
	return (await db.select().from(decisionDocuments).where(eq(decisionDocuments.id, id)))[0];
}

/** Stores a document of the basis for decision: a link or a file. */
export async function insertDocument(db: Db, values: typeof decisionDocuments.$inferInsert): Promise<void> {
	await db.insert(decisionDocuments).values(values);
}

/** The records an item concerns. */
export async function listLinks(db: Db, itemId: string): Promise<{ recordType: string; recordId: string }[]> {
	return db.select({ recordType: decisionLinks.recordType, recordId: decisionLinks.recordId }).from(decisionLinks).where(eq(decisionLinks.itemId, itemId)).orderBy(asc(decisionLinks.recordType), asc(decisionLinks.id));
}

/** Points an item at a record. */
export async function insertLink(db: Db, itemId: string, recordType: string, recordId: string): Promise<void> {
	await db.insert(decisionLinks).values({ itemId, recordType, recordId });
}

/** Removes every item's link to a record. */
export async function deleteLinksTo(db: Db, recordType: string, recordId: string): Promise<void> {
	await db.delete(decisionLinks).where(and(eq(decisionLinks.recordType, recordType), eq(decisionLinks.recordId, recordId)));
}

/** An item with its meeting's date, body and paragraph, as lists of decisions show it. */
export type ItemSummary = { id: string; paragraph: number; caseNumber: string; title: string; decidedOn: string; heldOn: string; bodyName: string; organisationId: string; organisationName: string };

const summaryColumns = {
	id: decisionItems.id,
	paragraph: decisionItems.paragraph,
	caseNumber: decisionItems.caseNumber,
	title: decisionItems.title,
	decidedOn: decisionItems.decidedOn,
	heldOn: meetings.heldOn,
	bodyName: decisionBodies.name,
	organisationId: decisionBodies.organisationId,
	organisationName: organisations.name,
};

const summaryFrom = (db: Db) =>
	db
		.selectDistinct(summaryColumns)
		.from(decisionItems)
		.innerJoin(meetings, eq(meetings.id, decisionItems.meetingId))
		.innerJoin(decisionBodies, eq(decisionBodies.id, meetings.bodyId))
		.innerJoin(organisations, eq(organisations.id, decisionBodies.organisationId));

/** The items the person may see that concern any of the records, oldest first. */
export async function listItemsConcerning(db: Db, records: { recordType: string; recordId: string }[], viewer: Viewer | null): Promise<ItemSummary[]> {
	if (records.length === 0) return [];
	return summaryFrom(db)
		.innerJoin(decisionLinks, eq(decisionLinks.itemId, decisionItems.id))
		.where(and(visibleTo(decisionBodies.organisationId, viewer), or(...records.map((r) => and(eq(decisionLinks.recordType, r.recordType), eq(decisionLinks.recordId, r.recordId))))))
		.orderBy(asc(decisionItems.decidedOn), asc(decisionItems.paragraph));
}

/** The key decisions for the public timeline, oldest first. */
export async function listKeyItems(db: Db): Promise<ItemSummary[]> {
	return summaryFrom(db).where(and(eq(decisionItems.isKey, true), visibleTo(decisionBodies.organisationId))).orderBy(asc(decisionItems.decidedOn), asc(decisionItems.paragraph));
}

/** One item as lists of decisions show it. */
export async function findItemSummary(db: Db, id: string): Promise<ItemSummary | undefined> {
	const rows = await summaryFrom(db).where(eq(decisionItems.id, id));
	return rows[0];
}

/** Every item of the organisations (all with "all"), newest first, to choose from (e.g. the decision behind an adoption or a goal). */
export async function listItemChoices(db: Db, organisationIds: string[] | "all"): Promise<ItemSummary[]> {
	if (organisationIds !== "all" && organisationIds.length === 0) return [];
	return summaryFrom(db)
		.where(organisationIds === "all" ? undefined : inArray(decisionBodies.organisationId, organisationIds))
		.orderBy(desc(decisionItems.decidedOn), asc(decisionItems.paragraph));
}

/** Every adoption of a programme, withdrawn ones too, newest first; with `publicOnly`, those the public may see. */
export async function listAllAdoptions(db: Db, programmeId: string, publicOnly: boolean) {
	return db
		.select({ ...getTableColumns(adoptions), organisationName: organisations.name })
		.from(adoptions)
		.innerJoin(organisations, eq(organisations.id, adoptions.organisationId))
		.where(and(eq(adoptions.programmeId, programmeId), publicOnly ? visibleTo(adoptions.organisationId) : undefined))
		.orderBy(desc(adoptions.decidedOn), asc(organisations.name));
}

/** One adoption. */
export async function findAdoption(db: Db, programmeId: string, id: string) {
	return (await db.select().from(adoptions).where(and(eq(adoptions.programmeId, programmeId), eq(adoptions.id, id))))[0];
}

/** Stores an adoption. */
export async function insertAdoption(db: Db, values: typeof adoptions.$inferInsert): Promise<void> {
	await db.insert(adoptions).values(values);
}

/** Marks an adoption withdrawn on a date, only if it still stands; whether it did. */
export async function withdrawAdoption(db: Db, id: string, withdrawnOn: string): Promise<boolean> {
	const rows = await db.update(adoptions).set({ withdrawnOn }).where(and(eq(adoptions.id, id), isNull(adoptions.withdrawnOn))).returning({ id: adoptions.id });
	return rows.length > 0;
}

/** The ids of the records of one type that some decision item points at. */
export async function linkedRecordIds(db: Db, recordType: string): Promise<Set<string>> {
	const rows = await db.selectDistinct({ recordId: decisionLinks.recordId }).from(decisionLinks).where(eq(decisionLinks.recordType, recordType));
	return new Set(rows.map((r) => r.recordId));
}
