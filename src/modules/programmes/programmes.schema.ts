import { date, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { decisionBodies, decisionItems } from "../decisions/decisions.schema.js";
import { organisations } from "../organisations/organisations.schema.js";

export const programmes = pgTable("programmes", {
	id: uuid("id").primaryKey().defaultRandom(),
	name: text("name").notNull(),
	community: text("community").notNull(),
	/** SCB municipality code, four digits (also the municipality's Kolada id). */
	municipalityCode: text("municipality_code").notNull(),
	population: integer("population").notNull(),
	populationDate: date("population_date", { mode: "string" }).notNull(),
	populationSource: text("population_source").notNull(),
	horizonYear: integer("horizon_year").notNull(),
	summary: text("summary").notNull().default(""),
	description: text("description").notNull().default(""),
	coordinatorId: uuid("coordinator_id").references(() => organisations.id),
	/** The decision body whose decisions adopt and amend the programme's vision (e.g. the municipality's council). */
	visionBodyId: uuid("vision_body_id").references(() => decisionBodies.id),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const programmePhases = pgTable(
	"programme_phases",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		startsOn: date("starts_on", { mode: "string" }).notNull(),
		endsOn: date("ends_on", { mode: "string" }),
	},
	(t) => [unique().on(t.programmeId, t.position)],
);

/** Which organisation coordinates the programme from which date, and the decision that handed it over. */
export const programmeCoordinators = pgTable("programme_coordinators", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	organisationId: uuid("organisation_id")
		.notNull()
		.references(() => organisations.id),
	fromDate: date("from_date", { mode: "string" }).notNull(),
	itemId: uuid("item_id").references(() => decisionItems.id),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
