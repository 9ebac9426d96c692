import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { inputs } from "../inputs/inputs.schema.js";
import { themes } from "./synthesis.schema.js";

/** Which inputs a suggestion run reads: all, the untagged, one source, or one imported survey question. */
export const suggestionScopes = ["all", "untagged", "source", "question"] as const;

/**
 * A run that suggests themes from the inputs (kind "themes") or a theme for each untagged input from the tagged
 * examples (kind "assist"). Starting a new run of a kind replaces the previous one: its suggestions can no longer be
 * accepted. The settings (scope, k, seed) make a run repeatable.
 */
export const suggestionRuns = pgTable("suggestion_runs", {
	id: uuid("id").primaryKey().defaultRandom(),
	kind: text("kind", { enum: ["themes", "assist"] }).notNull(),
	scope: text("scope", { enum: suggestionScopes }).notNull().default("all"),
	scopeValue: text("scope_value"),
	requestedK: integer("requested_k"),
	seed: integer("seed").notNull().default(1),
	status: text("status", { enum: ["running", "done", "failed", "replaced"] }).notNull(),
	progress: real("progress").notNull().default(0),
	inputCount: integer("input_count").notNull().default(0),
	startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
	startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
	finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/**
 * One suggested theme of a run: its characteristic words and quotes, the name the analyst gives it, and what became of
 * it. In an assist run each suggestion stands for an existing theme (theme_id set from the start).
 */
export const suggestions = pgTable(
	"suggestions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		runId: uuid("run_id")
			.notNull()
			.references(() => suggestionRuns.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		name: text("name").notNull(),
		words: jsonb("words").$type<string[]>().notNull(),
		quoteIds: jsonb("quote_ids").$type<string[]>().notNull(),
		size: integer("size").notNull(),
		status: text("status", { enum: ["open", "accepted", "rejected", "merged"] }).notNull().default("open"),
		themeId: uuid("theme_id").references(() => themes.id, { onDelete: "set null" }),
	},
	(t) => [index("suggestions_run").on(t.runId)],
);

/** An input in a suggestion, with its score: closeness to the suggested theme's centre, or the assist model's confidence. */
export const suggestionMembers = pgTable(
	"suggestion_members",
	{
		suggestionId: uuid("suggestion_id")
			.notNull()
			.references(() => suggestions.id, { onDelete: "cascade" }),
		inputId: uuid("input_id")
			.notNull()
			.references(() => inputs.id, { onDelete: "cascade" }),
		score: real("score").notNull(),
		/** For an assist guess: the cosine closeness to the guessed theme's examples; low means the input fits no theme yet. */
		fit: real("fit"),
	},
	(t) => [primaryKey({ columns: [t.suggestionId, t.inputId] }), index("suggestion_members_input").on(t.inputId)],
);
