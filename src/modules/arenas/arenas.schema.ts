import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { goals } from "../goals/goals.schema.js";
import { initiatives } from "../initiatives/initiatives.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** An arena meeting: actors of a focus area meet, with an agenda and afterwards notes. */
export const arenaMeetings = pgTable(
	"arena_meetings",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id),
		title: text("title").notNull(),
		startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
		endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
		place: text("place").notNull(),
		agenda: text("agenda").notNull().default(""),
		notes: text("notes").notNull().default(""),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [check("arena_meetings_period", sql`${t.endsAt} > ${t.startsAt}`), index("arena_meetings_area").on(t.focusAreaId, t.startsAt)],
);

/** The organisations that took part in an arena meeting. */
export const arenaMeetingOrganisations = pgTable(
	"arena_meeting_organisations",
	{
		meetingId: uuid("meeting_id")
			.notNull()
			.references(() => arenaMeetings.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id),
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.organisationId] })],
);

/** A goal or a joint initiative an arena meeting dealt with (exactly one of the two). */
export const arenaMeetingLinks = pgTable(
	"arena_meeting_links",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		meetingId: uuid("meeting_id")
			.notNull()
			.references(() => arenaMeetings.id, { onDelete: "cascade" }),
		goalId: uuid("goal_id").references(() => goals.id, { onDelete: "cascade" }),
		initiativeId: uuid("initiative_id").references(() => initiatives.id, { onDelete: "cascade" }),
	},
	(t) => [
		check("arena_meeting_links_one", sql`(${t.goalId} is null) <> (${t.initiativeId} is null)`),
		index("arena_meeting_links_goal").on(t.goalId),
		index("arena_meeting_links_initiative").on(t.initiativeId),
	],
);
