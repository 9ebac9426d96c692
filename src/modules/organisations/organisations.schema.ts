import { pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const organisationType = pgEnum("organisation_type", [
	"municipality",
	"company",
	"association",
	"public_agency",
	"other",
]);

export const organisations = pgTable("organisations", {
	id: uuid("id").primaryKey().defaultRandom(),
	name: text("name").notNull(),
	type: organisationType("type").notNull(),
	/** Swedish organisation number, stored as NNNNNN-NNNN; unique when present. */
	orgNumber: text("org_number").unique(),
	description: text("description").notNull().default(""),
	website: text("website"),
	/** An organisation that joined on its own is pending until the coordinator approves it; only active ones are public. */
	status: text("status", { enum: ["pending", "active"] }).notNull().default("active"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
