import { pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** A measure the programme follows up, e.g. a KKiK indicator from Kolada (koladaKpi "U00405"). */
export const indicators = pgTable(
	"indicators",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		title: text("title").notNull(),
		unit: text("unit").notNull().default(""),
		description: text("description").notNull().default(""),
		koladaKpi: text("kolada_kpi"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique().on(t.programmeId, t.title)],
);

/** The indicators followed in a focus area. */
export const focusAreaIndicators = pgTable(
	"focus_area_indicators",
	{
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id, { onDelete: "cascade" }),
		indicatorId: uuid("indicator_id")
			.notNull()
			.references(() => indicators.id, { onDelete: "cascade" }),
	},
	(t) => [primaryKey({ columns: [t.focusAreaId, t.indicatorId] })],
);
