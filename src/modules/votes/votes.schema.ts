import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { programmes } from "../programmes/programmes.schema.js";

/** A public vote on the vision proposals; the ballot machinery builds on this record. */
export const votes = pgTable("votes", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	title: text("title").notNull(),
	opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
	closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
	advisory: boolean("advisory").notNull().default(true),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
