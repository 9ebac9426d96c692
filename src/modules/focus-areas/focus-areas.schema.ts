import { integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

export const focusAreas = pgTable(
	"focus_areas",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique().on(t.programmeId, t.name)],
);

/** Which organisations work in which focus area: each actor chooses its own areas. */
export const focusAreaActors = pgTable(
	"focus_area_actors",
	{
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id, { onDelete: "cascade" }),
		since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.focusAreaId, t.organisationId] })],
);
