import { type SQL, sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { tsvector } from "../../db/columns.js";
import { users } from "../accounts/accounts.schema.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { indicators } from "../indicators/indicators.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";
import { initiatives } from "../initiatives/initiatives.schema.js";

/** Status of a goal or an activity; always shown as text (with an icon), never by colour alone. */
export const goalStatuses = ["not_started", "on_track", "at_risk", "off_track", "achieved", "discontinued"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/**
 * A goal, owned by exactly one organisation or one joint initiative, in one main focus area
 * (goal_focus_areas lists it with any further areas). `version` counts the changes kept in goal_versions.
 */
export const goals = pgTable(
	"goals",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id").references(() => organisations.id),
		initiativeId: uuid("initiative_id").references(() => initiatives.id, { onDelete: "cascade" }),
		parentId: uuid("parent_id").references((): AnyPgColumn => goals.id),
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id),
		/** The organisation's own unit a broken-down goal belongs to, e.g. "Socialtjänsten". */
		unit: text("unit").notNull().default(""),
		title: text("title").notNull(),
		description: text("description").notNull().default(""),
		periodStart: date("period_start").notNull(),
		periodEnd: date("period_end").notNull(),
		responsible: text("responsible").notNull().default(""),
		expectedResult: text("expected_result").notNull().default(""),
		targetIndicatorId: uuid("target_indicator_id").references(() => indicators.id),
		targetValue: numeric("target_value"),
		targetYear: integer("target_year"),
		status: text("status", { enum: goalStatuses }).notNull().default("not_started"),
		statusChangedOn: date("status_changed_on"),
		version: integer("version").notNull().default(1),
		/** Swedish full-text vector over title, description and expected result, for finding similar goals. */
		search: tsvector("search")
			.notNull()
			.generatedAlwaysAs(
				(): SQL => sql`to_tsvector('swedish', ${goals.title} || ' ' || ${goals.description} || ' ' || ${goals.expectedResult})`,
			),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		check("goals_one_owner", sql`(${t.organisationId} is null) <> (${t.initiativeId} is null)`),
		check("goals_period", sql`${t.periodEnd} >= ${t.periodStart}`),
		check("goals_target", sql`${t.targetValue} is null or ${t.targetIndicatorId} is not null`),
		index("goals_organisation").on(t.organisationId),
		index("goals_initiative").on(t.initiativeId),
		index("goals_parent").on(t.parentId),
		index("goals_search").using("gin", t.search),
	],
);

/** Every focus area a goal belongs to, its main area included. */
export const goalFocusAreas = pgTable(
	"goal_focus_areas",
	{
		goalId: uuid("goal_id")
			.notNull()
			.references(() => goals.id, { onDelete: "cascade" }),
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id),
	},
	(t) => [primaryKey({ columns: [t.goalId, t.focusAreaId] }), index("goal_focus_areas_area").on(t.focusAreaId)],
);

/** A goal as it was after each change: the history shown on the goal's page. */
export const goalVersions = pgTable(
	"goal_versions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		goalId: uuid("goal_id")
			.notNull()
			.references(() => goals.id, { onDelete: "cascade" }),
		version: integer("version").notNull(),
		snapshot: jsonb("snapshot").notNull(),
		changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
		changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique().on(t.goalId, t.version)],
);

/** Each change of a goal's status, with the date it applies from and the reason given. */
export const goalStatusChanges = pgTable(
	"goal_status_changes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		goalId: uuid("goal_id")
			.notNull()
			.references(() => goals.id, { onDelete: "cascade" }),
		status: text("status", { enum: goalStatuses }).notNull(),
		changedOn: date("changed_on").notNull(),
		reason: text("reason").notNull().default(""),
		changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("goal_status_changes_goal").on(t.goalId)],
);

/** Work done towards a goal. */
export const goalActivities = pgTable(
	"goal_activities",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		goalId: uuid("goal_id")
			.notNull()
			.references(() => goals.id, { onDelete: "cascade" }),
		title: text("title").notNull(),
		description: text("description").notNull().default(""),
		startsOn: date("starts_on").notNull(),
		endsOn: date("ends_on").notNull(),
		status: text("status", { enum: goalStatuses }).notNull().default("not_started"),
		owner: text("owner").notNull().default(""),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [check("goal_activities_period", sql`${t.endsOn} >= ${t.startsOn}`), index("goal_activities_goal").on(t.goalId)],
);

/** A comment on a goal, e.g. from the coordinator, who may comment but not edit. */
export const goalComments = pgTable(
	"goal_comments",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		goalId: uuid("goal_id")
			.notNull()
			.references(() => goals.id, { onDelete: "cascade" }),
		authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
		/** The organisation the author spoke for, if any. */
		organisationId: uuid("organisation_id").references(() => organisations.id),
		body: text("body").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("goal_comments_goal").on(t.goalId)],
);
