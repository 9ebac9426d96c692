import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.schema.js";

export const users = pgTable(
	"users",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		email: text("email").notNull(),
		name: text("name").notNull().default(""),
		isAdministrator: boolean("is_administrator").notNull().default(false),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
	},
	(t) => [uniqueIndex("users_email_lower").on(sql`lower(${t.email})`)],
);

export const membershipRole = pgEnum("membership_role", ["member", "admin"]);

/** A person's place in an organisation: actor member or actor admin. */
export const memberships = pgTable(
	"memberships",
	{
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id, { onDelete: "cascade" }),
		role: membershipRole("role").notNull(),
		/** The organisation's contact person, reached through the platform's contact form. */
		isContact: boolean("is_contact").notNull().default(false),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.organisationId] })],
);

/** An invitation to join an organisation, sent by e-mail; only a hash of its token is kept. */
export const organisationInvitations = pgTable(
	"organisation_invitations",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		role: membershipRole("role").notNull(),
		tokenHash: text("token_hash").notNull().unique(),
		invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
		acceptedAt: timestamp("accepted_at", { withTimezone: true }),
		acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
	},
	(t) => [index("organisation_invitations_organisation").on(t.organisationId)],
);

/** One-time sign-in codes; only a hash of the code is kept. */
export const signInCodes = pgTable(
	"sign_in_codes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		email: text("email").notNull(),
		codeHash: text("code_hash").notNull(),
		expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
		attempts: integer("attempts").notNull().default(0),
		usedAt: timestamp("used_at", { withTimezone: true }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("sign_in_codes_email").on(t.email)],
);

/** Server-side sessions; the cookie holds a random token, the table only its hash. */
export const sessions = pgTable(
	"sessions",
	{
		tokenHash: text("token_hash").primaryKey(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
	},
	(t) => [index("sessions_user").on(t.userId)],
);
