import { type SQL, sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tsvector } from "../../db/columns.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";

/** Where an input came from. */
export const inputSources = ["survey", "workshop", "idea", "comment", "import"] as const;

/**
 * The pool of inputs (inspel): every free-text survey answer, workshop note, idea and comment, and the answers
 * imported from other survey tools' exports.
 * (source, source_id) is unique, so adding the same thing again updates it and its id stays stable.
 */
export const inputs = pgTable(
	"inputs",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		source: text("source", { enum: inputSources }).notNull(),
		sourceId: text("source_id").notNull(),
		text: text("text").notNull(),
		occurredOn: date("occurred_on", { mode: "string" }).notNull(),
		locality: text("locality"),
		ageBand: text("age_band"),
		focusAreaId: uuid("focus_area_id").references(() => focusAreas.id, { onDelete: "set null" }),
		/** Set when the thing behind the input was hidden by moderation. */
		hidden: boolean("hidden").notNull().default(false),
		search: tsvector("search")
			.notNull()
			.generatedAlwaysAs((): SQL => sql`to_tsvector('swedish', ${inputs.text})`),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		unique("inputs_source_unique").on(t.source, t.sourceId),
		index("inputs_search").using("gin", t.search),
		index("inputs_occurred_on").on(t.occurredOn),
	],
);
