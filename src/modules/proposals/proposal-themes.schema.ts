// Apart from proposals.schema.ts, which earlier schemas name for their foreign keys: themes come from synthesis, which
// reaches back to focus areas and the programme, so naming them there would close a cycle.
import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.js";
import { themes } from "../synthesis/synthesis.schema.js";
import { visionProposals } from "./proposals.schema.js";

/**
 * A vision proposal rests on a theme the analysts found in the inputs: linked by an analyst or the coordinator, who and
 * when kept. A link to a theme merged later still counts, through the theme it was merged into.
 */
export const proposalThemes = pgTable(
	"proposal_themes",
	{
		proposalId: uuid("proposal_id")
			.notNull()
			.references(() => visionProposals.id, { onDelete: "cascade" }),
		themeId: uuid("theme_id")
			.notNull()
			.references(() => themes.id, { onDelete: "cascade" }),
		linkedBy: uuid("linked_by").references(() => users.id, { onDelete: "set null" }),
		linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.themeId] }), index("proposal_themes_theme").on(t.themeId)],
);
