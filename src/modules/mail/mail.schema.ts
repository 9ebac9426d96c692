import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every e-mail Medskapa sends passes through this outbox, sent or not. */
export const outbox = pgTable("outbox", {
	id: uuid("id").primaryKey().defaultRandom(),
	recipient: text("recipient").notNull(),
	subject: text("subject").notNull(),
	body: text("body").notNull(),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	sentAt: timestamp("sent_at", { withTimezone: true }),
	error: text("error"),
});
