import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../db/columns.js";
import { users } from "../accounts/accounts.schema.js";
import { inputs } from "../inputs/inputs.schema.js";

/** People the coordinator has made analysts: they read every input and sort it into themes. */
export const analysts = pgTable("analysts", {
	userId: uuid("user_id")
		.primaryKey()
		.references(() => users.id, { onDelete: "cascade" }),
	grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
	grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A theme the analysts found in the inputs. A merged theme stays (merged_into_id set) so that links and history
 * made before the merge still resolve; only live themes need unique names.
 */
export const themes = pgTable(
	"themes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => themes.id, { onDelete: "set null" }),
		createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex("themes_live_name").on(sql`lower(${t.name})`).where(sql`${t.mergedIntoId} is null`)],
);

/** An input tagged with a theme, by whom and when. (input, theme) is the key, so tagging twice keeps the first. */
export const themeTaggings = pgTable(
	"theme_taggings",
	{
		inputId: uuid("input_id")
			.notNull()
			.references(() => inputs.id, { onDelete: "cascade" }),
		themeId: uuid("theme_id")
			.notNull()
			.references(() => themes.id, { onDelete: "cascade" }),
		taggedBy: uuid("tagged_by").references(() => users.id, { onDelete: "set null" }),
		taggedAt: timestamp("tagged_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.inputId, t.themeId] }), index("theme_taggings_theme").on(t.themeId)],
);

/** Inputs an analyst marked as off-topic: they are left out of coverage and suggestions. */
export const offTopicInputs = pgTable("off_topic_inputs", {
	inputId: uuid("input_id")
		.primaryKey()
		.references(() => inputs.id, { onDelete: "cascade" }),
	markedBy: uuid("marked_by").references(() => users.id, { onDelete: "set null" }),
	markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What happened to a theme (created, renamed, merged, split), by whom and when: the theme's history. */
export const themeEvents = pgTable(
	"theme_events",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		themeId: uuid("theme_id")
			.notNull()
			.references(() => themes.id, { onDelete: "cascade" }),
		action: text("action", { enum: ["created", "renamed", "merged", "split"] }).notNull(),
		detail: text("detail").notNull().default(""),
		actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
		at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("theme_events_theme").on(t.themeId)],
);

/** What an import row's problem is, as a message key with its parameters, and the row as a spreadsheet numbers it. */
export type ImportRowError = { row: number; key: string; params?: Record<string, string | number> };

/**
 * An upload of another survey tool's export: the file (kept until imported), its columns and first rows for the
 * mapping, which column means what, and how far the import has come.
 */
export const inputImports = pgTable("input_imports", {
	id: uuid("id").primaryKey().defaultRandom(),
	fileName: text("file_name").notNull(),
	fileHash: text("file_hash").notNull(),
	data: bytea("data"),
	headers: jsonb("headers").$type<string[]>().notNull(),
	preview: jsonb("preview").$type<string[][]>().notNull(),
	mapping: jsonb("mapping").$type<Record<string, number>>(),
	status: text("status", { enum: ["preview", "reading", "saving", "done", "failed"] }).notNull(),
	totalRows: integer("total_rows").notNull().default(0),
	doneRows: integer("done_rows").notNull().default(0),
	added: integer("added").notNull().default(0),
	skipped: integer("skipped").notNull().default(0),
	errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
	errorCount: integer("error_count").notNull().default(0),
	importedBy: uuid("imported_by").references(() => users.id, { onDelete: "set null" }),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/** Where an imported input came from: its import (file), row, and the survey question and respondent when mapped. */
export const importedInputs = pgTable(
	"imported_inputs",
	{
		inputId: uuid("input_id")
			.primaryKey()
			.references(() => inputs.id, { onDelete: "cascade" }),
		importId: uuid("import_id")
			.notNull()
			.references(() => inputImports.id, { onDelete: "cascade" }),
		row: integer("row").notNull(),
		question: text("question"),
		respondent: text("respondent"),
	},
	(t) => [index("imported_inputs_import").on(t.importId)],
);
