import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** Question types a survey may hold. */
export const questionKinds = ["short_text", "long_text", "single", "multiple", "rating", "ranking"] as const;
/** Standard background questions, recognised so that answers can be counted by locality and age band. */
export const backgroundKinds = ["locality", "age_band", "relation"] as const;
/** The life of a survey. */
export const surveyStatuses = ["draft", "open", "closed"] as const;
/** What a coordinator did to a survey's life: each is one row of its history. */
export const surveyEventKinds = ["opened", "closed", "reopened", "closesAtChanged"] as const;

/** A survey of the programme: anonymous or signed-in, open between two instants. */
export const surveys = pgTable("surveys", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	title: text("title").notNull(),
	intro: text("intro").notNull().default(""),
	anonymous: boolean("anonymous").notNull().default(true),
	/** Whether anonymised quotes of the free-text answers may be published (shown to respondents; off unless chosen). */
	publishQuotes: boolean("publish_quotes").notNull().default(false),
	status: text("status", { enum: surveyStatuses }).notNull().default("draft"),
	opensAt: timestamp("opens_at", { withTimezone: true }),
	closesAt: timestamp("closes_at", { withTimezone: true }),
	/** After this date the links between answers and accounts are deleted; the answers stay. */
	retainUntil: date("retain_until", { mode: "string" }),
	personalDataDeletedAt: timestamp("personal_data_deleted_at", { withTimezone: true }),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A titled part of a survey. */
export const surveySections = pgTable("survey_sections", {
	id: uuid("id").primaryKey().defaultRandom(),
	surveyId: uuid("survey_id")
		.notNull()
		.references(() => surveys.id, { onDelete: "cascade" }),
	position: integer("position").notNull(),
	title: text("title").notNull(),
	description: text("description").notNull().default(""),
});

/** One question; shown only when an earlier question's answer is showIfOptionId, when that is set. */
export const surveyQuestions = pgTable(
	"survey_questions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		surveyId: uuid("survey_id")
			.notNull()
			.references(() => surveys.id, { onDelete: "cascade" }),
		sectionId: uuid("section_id")
			.notNull()
			.references(() => surveySections.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		kind: text("kind", { enum: questionKinds }).notNull(),
		background: text("background", { enum: backgroundKinds }),
		text: text("text").notNull(),
		help: text("help").notNull().default(""),
		required: boolean("required").notNull().default(false),
		maxChoices: integer("max_choices"),
		allowOther: boolean("allow_other").notNull().default(false),
		lowLabel: text("low_label").notNull().default(""),
		highLabel: text("high_label").notNull().default(""),
		maxLength: integer("max_length").notNull().default(2000),
		showIfQuestionId: uuid("show_if_question_id"),
		showIfOptionId: uuid("show_if_option_id"),
	},
	(t) => [index("survey_questions_survey").on(t.surveyId, t.position)],
);

/** An option of a choice or ranking question. */
export const surveyOptions = pgTable(
	"survey_options",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		questionId: uuid("question_id")
			.notNull()
			.references(() => surveyQuestions.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		label: text("label").notNull(),
	},
	(t) => [index("survey_options_question").on(t.questionId)],
);

/**
 * One person's (or one paper form's) answer to a survey. Anonymous answers hold no account, session,
 * IP or time of day: only the day, so nothing ties them to a person or to a log line.
 */
export const surveyResponses = pgTable(
	"survey_responses",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		surveyId: uuid("survey_id")
			.notNull()
			.references(() => surveys.id, { onDelete: "cascade" }),
		userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
		channel: text("channel", { enum: ["web", "paper"] }).notNull(),
		submittedOn: date("submitted_on", { mode: "string" }).notNull(),
		locality: text("locality"),
		ageBand: text("age_band"),
	},
	(t) => [unique("survey_responses_one_per_person").on(t.surveyId, t.userId), index("survey_responses_survey").on(t.surveyId)],
);

/** One answer part: a text, a chosen option (with its rank for ranking), a rating, or an "other" text (option null). */
export const surveyAnswers = pgTable(
	"survey_answers",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		responseId: uuid("response_id")
			.notNull()
			.references(() => surveyResponses.id, { onDelete: "cascade" }),
		questionId: uuid("question_id")
			.notNull()
			.references(() => surveyQuestions.id, { onDelete: "cascade" }),
		optionId: uuid("option_id").references(() => surveyOptions.id, { onDelete: "cascade" }),
		number: integer("number"),
		text: text("text"),
	},
	(t) => [index("survey_answers_question").on(t.questionId, t.optionId), index("survey_answers_response").on(t.responseId)],
);

/**
 * A survey's history: who opened, closed or reopened it, or moved its closing time, and when. Rows are only ever added,
 * in the transaction that made the change. A survey that closes because its closing time passes has no row: that is
 * read from closesAt, the closing time in force after each event.
 */
export const surveyEvents = pgTable(
	"survey_events",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		surveyId: uuid("survey_id")
			.notNull()
			.references(() => surveys.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: surveyEventKinds }).notNull(),
		at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
		byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
		closesAt: timestamp("closes_at", { withTimezone: true }),
	},
	(t) => [index("survey_events_survey").on(t.surveyId, t.at)],
);
