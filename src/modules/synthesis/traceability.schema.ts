import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { themes } from "./synthesis.schema.js";

/**
 * A focus area rests on a theme: linked by an analyst or the coordinator, who and when kept. A link to a theme merged
 * later still counts, through the theme it was merged into.
 */
export const focusAreaThemes = pgTable(
	"focus_area_themes",
	{
		focusAreaId: uuid("focus_area_id")
			.notNull()
			.references(() => focusAreas.id, { onDelete: "cascade" }),
		themeId: uuid("theme_id")
			.notNull()
			.references(() => themes.id, { onDelete: "cascade" }),
		linkedBy: uuid("linked_by").references(() => users.id, { onDelete: "set null" }),
		linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.focusAreaId, t.themeId] }), index("focus_area_themes_theme").on(t.themeId)],
);
