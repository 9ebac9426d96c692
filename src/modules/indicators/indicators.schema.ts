import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { programmes } from "../programmes/programmes.schema.js";

/** Where an indicator's values come from: a Kolada key figure, or a measure an organisation reports itself. */
export const indicatorKinds = ["kolada", "own"] as const;

/** A municipality group in Kolada (e.g. "Kommuner i Västerbottens län") whose members an indicator is compared with. */
export type PeerGroup = { id: string; title: string; memberIds: string[] };

/** Which way an indicator should move. */
export const betterDirections = ["higher", "lower"] as const;

/**
 * A measure the programme follows up: a Kolada key figure (koladaKpi "N01951", title, description and gender split
 * taken from Kolada's metadata; followed for the programme's municipality, the country "0000" and chosen peers) or an
 * organisation's own measure (how it is measured, who reports it). Both may have a baseline and a target.
 */
export const indicators = pgTable(
	"indicators",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		programmeId: uuid("programme_id")
			.notNull()
			.references(() => programmes.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: indicatorKinds }).notNull().default("own"),
		title: text("title").notNull(),
		unit: text("unit").notNull().default(""),
		description: text("description").notNull().default(""),
		koladaKpi: text("kolada_kpi"),
		byGender: boolean("by_gender").notNull().default(false),
		/** Kolada ids of the municipalities compared with the programme's own, besides the whole country. */
		peerMunicipalities: text("peer_municipalities").array().notNull().default(sql`'{}'::text[]`),
		/** The Kolada municipality group chosen as peers, as it was when the indicator was saved; its members are among peerMunicipalities. */
		peerGroup: jsonb("peer_group").$type<PeerGroup>(),
		/** Kolada's names of the municipalities followed, by id, as Kolada gave them when the indicator was saved. */
		municipalityNames: jsonb("municipality_names").$type<Record<string, string>>().notNull().default({}),
		measuredHow: text("measured_how").notNull().default(""),
		reportedBy: text("reported_by").notNull().default(""),
		baselineValue: numeric("baseline_value"),
		baselineYear: integer("baseline_year"),
		targetValue: numeric("target_value"),
		targetYear: integer("target_year"),
		better: text("better", { enum: betterDirections }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		unique().on(t.programmeId, t.title),
		check("indicators_kolada_kpi", sql`(${t.kind} = 'kolada') = (${t.koladaKpi} is not null)`),
		check("indicators_target_after_baseline", sql`${t.targetYear} is null or ${t.baselineYear} is null or ${t.targetYear} >= ${t.baselineYear}`),
	],
);

/**
 * An indicator's value for one municipality, year and gender (T total, K women, M men) as Kolada last gave it; value is
 * null when Kolada has none (status says why). When Kolada revises a value, the one before is kept in previousValue
 * and the sync that saw the change in revisedAt.
 */
export const indicatorValues = pgTable(
	"indicator_values",
	{
		indicatorId: uuid("indicator_id")
			.notNull()
			.references(() => indicators.id, { onDelete: "cascade" }),
		municipality: text("municipality").notNull(),
		year: integer("year").notNull(),
		gender: text("gender").notNull().default("T"),
		value: numeric("value"),
		status: text("status").notNull().default(""),
		previousValue: numeric("previous_value"),
		revisedAt: timestamp("revised_at", { withTimezone: true }),
		fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.municipality, t.year, t.gender] })],
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
