import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** How people sign up: not at all, with name and e-mail, or as an anonymous headcount. */
export const registrationModes = ["none", "named", "headcount"] as const;

/** A future workshop (framtidsverkstad) of the programme. */
export const workshops = pgTable(
	"workshops",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		title: text("title").notNull(),
		startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
		endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
		place: text("place").notNull(),
		locality: text("locality").notNull(),
		description: text("description").notNull().default(""),
		capacity: integer("capacity").notNull(),
		registration: text("registration", { enum: registrationModes }).notNull().default("none"),
		/** The person the coordinator named to run the workshop and enter its notes. */
		facilitatorId: uuid("facilitator_id").references(() => users.id, { onDelete: "set null" }),
		/** Entered afterwards: how many took part, and (as counts) from which localities and age bands. */
		headcount: integer("headcount"),
		localityCounts: jsonb("locality_counts").$type<Record<string, number>>().notNull().default({}),
		ageBandCounts: jsonb("age_band_counts").$type<Record<string, number>>().notNull().default({}),
		summary: text("summary").notNull().default(""),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("workshops_starts_at").on(t.startsAt)],
);

/** A place taken at a workshop; name and e-mail only when the workshop asks for them. */
export const workshopRegistrations = pgTable(
	"workshop_registrations",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		workshopId: uuid("workshop_id")
			.notNull()
			.references(() => workshops.id, { onDelete: "cascade" }),
		name: text("name"),
		email: text("email"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("workshop_registrations_workshop").on(t.workshopId)],
);

/** One note a table or group wrote, in answer to one question, with who typed it in and when. */
export const workshopNotes = pgTable(
	"workshop_notes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		workshopId: uuid("workshop_id")
			.notNull()
			.references(() => workshops.id, { onDelete: "cascade" }),
		groupLabel: text("group_label").notNull(),
		question: text("question").notNull(),
		text: text("text").notNull(),
		enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
		enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
		/** Who last corrected the text, and when; null while it stands as entered. */
		revisedBy: uuid("revised_by").references(() => users.id, { onDelete: "set null" }),
		revisedAt: timestamp("revised_at", { withTimezone: true }),
		/** Who withdrew the note, and when: a withdrawn note leaves the public page and the pool of inputs. */
		withdrawnBy: uuid("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
		withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
	},
	(t) => [index("workshop_notes_workshop").on(t.workshopId)],
);

/** The earlier texts of a corrected note, each with who saved it and when. */
export const workshopNoteVersions = pgTable(
	"workshop_note_versions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		noteId: uuid("note_id")
			.notNull()
			.references(() => workshopNotes.id, { onDelete: "cascade" }),
		text: text("text").notNull(),
		savedBy: uuid("saved_by").references(() => users.id, { onDelete: "set null" }),
		savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
		/** When a correction replaced this text. */
		replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("workshop_note_versions_note").on(t.noteId)],
);
