import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** An idea a signed-in resident submitted; hidden ideas keep their reason, shown to the author. */
export const ideas = pgTable(
	"ideas",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		authorId: uuid("author_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		title: text("title").notNull(),
		text: text("text").notNull(),
		focusAreaId: uuid("focus_area_id").references(() => focusAreas.id, { onDelete: "set null" }),
		hiddenAt: timestamp("hidden_at", { withTimezone: true }),
		hiddenReason: text("hidden_reason"),
		hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("ideas_programme").on(t.programmeId, t.createdAt)],
);

/** A comment on an idea. */
export const ideaComments = pgTable(
	"idea_comments",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		ideaId: uuid("idea_id")
			.notNull()
			.references(() => ideas.id, { onDelete: "cascade" }),
		authorId: uuid("author_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		text: text("text").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		/** Moderation of a single comment: when, why (shown to its author) and by whom it was hidden. */
		hiddenAt: timestamp("hidden_at", { withTimezone: true }),
		hiddenReason: text("hidden_reason"),
		hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
	},
	(t) => [index("idea_comments_idea").on(t.ideaId, t.createdAt)],
);

/** One support per person and idea: the primary key makes a double click count once. */
export const ideaSupports = pgTable(
	"idea_supports",
	{
		ideaId: uuid("idea_id")
			.notNull()
			.references(() => ideas.id, { onDelete: "cascade" }),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.userId] })],
);

/** A resident's report that an idea (or one of its comments) is abusive. */
export const ideaReports = pgTable(
	"idea_reports",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		ideaId: uuid("idea_id")
			.notNull()
			.references(() => ideas.id, { onDelete: "cascade" }),
		commentId: uuid("comment_id").references(() => ideaComments.id, { onDelete: "cascade" }),
		reporterId: uuid("reporter_id").references(() => users.id, { onDelete: "set null" }),
		reason: text("reason").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("idea_reports_idea").on(t.ideaId)],
);
