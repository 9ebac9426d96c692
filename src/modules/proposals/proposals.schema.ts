import { date, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { programmes } from "../programmes/programmes.schema.js";

export const visionProposals = pgTable(
	"vision_proposals",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		number: integer("number").notNull(),
		title: text("title").notNull(),
		subtext: text("subtext").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique().on(t.programmeId, t.number)],
);

/** Adopted texts of the programme's vision; the newest adopted one is the vision in force. */
export const visionTexts = pgTable("vision_texts", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	proposalId: uuid("proposal_id").references(() => visionProposals.id),
	title: text("title").notNull(),
	subtext: text("subtext").notNull(),
	adoptedOn: date("adopted_on", { mode: "string" }).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
