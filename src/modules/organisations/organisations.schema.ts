import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { memberOrganisationIds } from "../../lib/actor.js";
import type { Viewer } from "../../ui/context.js";

export const organisationType = pgEnum("organisation_type", [
	"municipality",
	"company",
	"association",
	"public_agency",
	"other",
]);

export const organisations = pgTable("organisations", {
	id: uuid("id").primaryKey().defaultRandom(),
	name: text("name").notNull(),
	type: organisationType("type").notNull(),
	/** Swedish organisation number, stored as NNNNNN-NNNN; unique when present. */
	orgNumber: text("org_number").unique(),
	description: text("description").notNull().default(""),
	website: text("website"),
	/** An organisation that joined on its own is pending until the coordinator approves it; only active ones are public. */
	status: text("status", { enum: ["pending", "active"] }).notNull().default("active"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The one read filter for what organisations own (their bodies, meetings, adoptions, goals …), by a column holding the
 * organisation's id: approved organisations' records for everyone, a pending one's only for its own members
 * (organisations.policy.ts says why). With no viewer: what the public may see.
 */
export function visibleTo(column: AnyColumn, viewer: Viewer | null = null): SQL {
	const own = memberOrganisationIds(viewer);
	const members = own.length ? sql` or ${organisations.id} in (${sql.join(own.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
	return sql`${column} in (select ${organisations.id} from ${organisations} where ${organisations.status} = 'active'${members})`;
}
