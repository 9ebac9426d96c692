import { date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

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
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
