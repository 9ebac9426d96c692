import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { goals } from "../goals/goals.schema.js";
import { initiatives } from "../initiatives/initiatives.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

export const collaborationStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;

/** One actor's proposal to another to collaborate in a focus area; acceptance creates a joint initiative. */
export const collaborationRequests = pgTable(
	"collaboration_requests",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id),
		fromOrganisationId: uuid("from_organisation_id")
			.notNull()
			.references(() => organisations.id),
		toOrganisationId: uuid("to_organisation_id")
			.notNull()
			.references(() => organisations.id),
		fromGoalId: uuid("from_goal_id").references(() => goals.id, { onDelete: "set null" }),
		toGoalId: uuid("to_goal_id").references(() => goals.id, { onDelete: "set null" }),
		title: text("title").notNull(),
		message: text("message").notNull(),
		status: text("status", { enum: collaborationStatuses }).notNull().default("pending"),
		createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		response: text("response").notNull().default(""),
		respondedBy: uuid("responded_by").references(() => users.id, { onDelete: "set null" }),
		respondedAt: timestamp("responded_at", { withTimezone: true }),
		initiativeId: uuid("initiative_id").references(() => initiatives.id, { onDelete: "set null" }),
	},
	(t) => [
		check("collaboration_requests_other", sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
		index("collaboration_requests_to").on(t.toOrganisationId),
		index("collaboration_requests_from").on(t.fromOrganisationId),
	],
);
