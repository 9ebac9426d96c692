import { check, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { bytea } from "../../db/columns.js";

/** The installation's look: one row, absent until an administrator saves it (the defaults of site.css apply). */
export const siteBranding = pgTable(
	"site_branding",
	{
		id: smallint("id").primaryKey().default(1),
		/** The site's name in the header and the browser's title, e.g. "Norsjöbygden 2040". */
		name: text("name"),
		/** The header's and buttons' colour (#rrggbb), at least 4.5:1 against white. */
		brandColour: text("brand_colour"),
		/** The colour of links (#rrggbb), at least 4.5:1 against the panels' tint. */
		linkColour: text("link_colour"),
		logo: bytea("logo"),
		logoType: text("logo_type"),
		logoAlt: text("logo_alt"),
		favicon: bytea("favicon"),
		faviconType: text("favicon_type"),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [check("site_branding_one_row", sql`${t.id} = 1`)],
);
