import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, integer, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../db/columns.js";
import { users } from "../accounts/accounts.schema.js";
import { goals, goalStatuses } from "../goals/goals.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** The judgements an organisation may put in place of the computed progress, with a reason. */
export const progressOverrides = ["on_track", "at_risk", "off_track"] as const;

/**
 * A follow-up round: every organisation with goals reports on them for a period (a year, or e.g. January–April) by a
 * deadline. Opened, it takes reports; published, its report is frozen in publishedReport and stays as it was.
 */
export const followupRounds = pgTable(
	"followup_rounds",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		title: text("title").notNull(),
		periodStart: date("period_start").notNull(),
		periodEnd: date("period_end").notNull(),
		deadline: date("deadline").notNull(),
		openedAt: timestamp("opened_at", { withTimezone: true }),
		publishedAt: timestamp("published_at", { withTimezone: true }),
		publishedReport: jsonb("published_report"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		check("followup_rounds_period", sql`${t.periodEnd} >= ${t.periodStart}`),
		check("followup_rounds_published", sql`(${t.publishedAt} is null) = (${t.publishedReport} is null)`),
	],
);

/**
 * An organisation's report on one goal in a round: status, a short account, evidence links and, for a goal measured by
 * the organisation's own measure, its value. An override replaces the computed progress, always with its reason.
 */
export const goalReports = pgTable(
	"goal_reports",
	{
		roundId: uuid("round_id")
			.notNull()
			.references(() => followupRounds.id, { onDelete: "cascade" }),
		goalId: uuid("goal_id")
			.notNull()
			.references(() => goals.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id),
		status: text("status", { enum: goalStatuses }).notNull(),
		account: text("account").notNull(),
		evidence: text("evidence").array().notNull().default(sql`'{}'::text[]`),
		ownValue: numeric("own_value"),
		ownValueYear: integer("own_value_year"),
		progressOverride: text("progress_override", { enum: progressOverrides }),
		overrideReason: text("override_reason").notNull().default(""),
		reportedBy: uuid("reported_by").references(() => users.id, { onDelete: "set null" }),
		reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.goalId] }),
		index("goal_reports_organisation").on(t.roundId, t.organisationId),
		check("goal_reports_override_reason", sql`${t.progressOverride} is null or ${t.overrideReason} <> ''`),
		check("goal_reports_own_value_year", sql`(${t.ownValue} is null) = (${t.ownValueYear} is null)`),
	],
);

/**
 * A file given as evidence with a goal's report (e.g. a PDF of an annual report). Its type is the one its first bytes
 * show, never the uploader's word, and it is only ever served as a download.
 */
export const goalReportFiles = pgTable(
	"goal_report_files",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		roundId: uuid("round_id").notNull(),
		goalId: uuid("goal_id").notNull(),
		fileName: text("file_name").notNull(),
		contentType: text("content_type").notNull(),
		size: integer("size").notNull(),
		data: bytea("data").notNull(),
		uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
		uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		foreignKey({ name: "goal_report_files_report_fk", columns: [t.roundId, t.goalId], foreignColumns: [goalReports.roundId, goalReports.goalId] }).onDelete("cascade"),
		index("goal_report_files_report").on(t.roundId, t.goalId),
	],
);

/** When the coordinator last reminded an organisation to report in a round. */
export const followupReminders = pgTable(
	"followup_reminders",
	{
		roundId: uuid("round_id")
			.notNull()
			.references(() => followupRounds.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id, { onDelete: "cascade" }),
		sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.roundId, t.organisationId] })],
);
