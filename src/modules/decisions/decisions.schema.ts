import { bytea } from "../../db/columns.js";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";
import { visionProposals, visionTexts } from "../proposals/proposals.schema.js";

/** An organisation's decision to stand behind the programme's vision. */
export const adoptions = pgTable("adoptions", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	organisationId: uuid("organisation_id")
		.notNull()
		.references(() => organisations.id),
	decidedOn: date("decided_on", { mode: "string" }).notNull(),
	body: text("body").notNull(),
	reference: text("reference").notNull().default(""),
	withdrawnOn: date("withdrawn_on", { mode: "string" }),
	/** The protocol item that holds the decision, when it is recorded here. */
	itemId: uuid("item_id").references(() => decisionItems.id),
	/** A link to the decision's document, if the organisation publishes one. */
	documentUrl: text("document_url"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A body that takes decisions for an organisation, e.g. Kommunstyrelsen or an association's board. */
export const decisionBodies = pgTable(
	"decision_bodies",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id),
		name: text("name").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique().on(t.organisationId, t.name)],
);

/** A meeting of a decision body on a date. */
export const meetings = pgTable("meetings", {
	id: uuid("id").primaryKey().defaultRandom(),
	bodyId: uuid("body_id")
		.notNull()
		.references(() => decisionBodies.id),
	heldOn: date("held_on", { mode: "string" }).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An item (paragraph) of a meeting's protocol: its current, published text. */
export const decisionItems = pgTable(
	"decision_items",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		meetingId: uuid("meeting_id")
			.notNull()
			.references(() => meetings.id),
		paragraph: integer("paragraph").notNull(),
		caseNumber: text("case_number").notNull().default(""),
		title: text("title").notNull(),
		background: text("background").notNull().default(""),
		proposedDecision: text("proposed_decision").notNull().default(""),
		/** The decision as ordered points. */
		points: jsonb("points").$type<string[]>().notNull().default([]),
		/** Who gets the extract (expediering). */
		distribution: jsonb("distribution").$type<string[]>().notNull().default([]),
		decidedOn: date("decided_on", { mode: "string" }).notNull(),
		/** Shown on the programme's timeline. */
		isKey: boolean("is_key").notNull().default(false),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique().on(t.meetingId, t.paragraph)],
);

/** An earlier published version of an item, kept when the item is corrected, with the reason. */
export const decisionItemCorrections = pgTable("decision_item_corrections", {
	id: uuid("id").primaryKey().defaultRandom(),
	itemId: uuid("item_id")
		.notNull()
		.references(() => decisionItems.id),
	/** The item's texts as they were before this correction. */
	previous: jsonb("previous").$type<{ caseNumber: string; title: string; background: string; proposedDecision: string; points: string[]; distribution: string[]; decidedOn: string }>().notNull(),
	reason: text("reason").notNull(),
	correctedAt: timestamp("corrected_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A document of an item's basis for decision (beslutsunderlag): a link, or a file stored here. */
export const decisionDocuments = pgTable("decision_documents", {
	id: uuid("id").primaryKey().defaultRandom(),
	itemId: uuid("item_id")
		.notNull()
		.references(() => decisionItems.id),
	title: text("title").notNull(),
	url: text("url"),
	fileName: text("file_name"),
	contentType: text("content_type"),
	size: integer("size"),
	data: bytea("data"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A motion (yrkande) on an item by a named member: to adopt, reject or amend, with its outcome. */
export const motions = pgTable("motions", {
	id: uuid("id").primaryKey().defaultRandom(),
	itemId: uuid("item_id")
		.notNull()
		.references(() => decisionItems.id),
	memberName: text("member_name").notNull(),
	party: text("party").notNull().default(""),
	kind: text("kind", { enum: ["adopt", "reject", "amend"] }).notNull(),
	text: text("text").notNull(),
	/** For an amendment: the proposal whose text it changes, and the text it proposes. */
	proposalId: uuid("proposal_id").references(() => visionProposals.id),
	amendedText: text("amended_text"),
	outcome: text("outcome", { enum: ["bifall", "avslag"] }).notNull(),
	/** The vision text an adopted amendment created. */
	visionTextId: uuid("vision_text_id").references(() => visionTexts.id),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A record an item concerns, generic over the record's type (vote, proposal, focus area, goal …). */
export const decisionLinks = pgTable(
	"decision_links",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		itemId: uuid("item_id")
			.notNull()
			.references(() => decisionItems.id),
		recordType: text("record_type").notNull(),
		recordId: uuid("record_id").notNull(),
	},
	(t) => [unique().on(t.itemId, t.recordType, t.recordId), index("decision_links_record").on(t.recordType, t.recordId)],
);
