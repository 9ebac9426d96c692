import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** A joint initiative: several organisations own it together, with its own goals and activities. */
export const initiatives = pgTable("initiatives", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	focusAreaId: uuid("focus_area_id")
		.notNull()
		.references(() => focusAreas.id),
	title: text("title").notNull(),
	description: text("description").notNull().default(""),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The organisations that own an initiative; any member of an owner may change it. */
export const initiativeOwners = pgTable(
	"initiative_owners",
	{
		initiativeId: uuid("initiative_id")
			.notNull()
			.references(() => initiatives.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id),
		since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.initiativeId, t.organisationId] }), index("initiative_owners_organisation").on(t.organisationId)],
);
