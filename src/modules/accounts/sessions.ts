import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { memberships, sessions, users } from "./accounts.schema.js";

/** How long a session lasts after sign-in. */
export const sessionDays = 30;

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Starts a session for a user and returns the token for the cookie (only its hash is stored). */
export async function startSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString("base64url");
	const expiresAt = new Date(Date.now() + sessionDays * 24 * 3600 * 1000);
	await db.insert(sessions).values({ tokenHash: hash(token), userId, expiresAt });
	return { token, expiresAt };
}

/** Ends the session behind a token, if any. */
export async function endSession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hash(token)));
}

/** Removes sessions that have run out; called now and then, not on every request. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
	await db.delete(sessions).where(lte(sessions.expiresAt, new Date()));
}

/** The person behind a session token, or null when it is unknown or expired. */
export async function viewerForToken(db: Db, token: string): Promise<Viewer | null> {
	const rows = await db
		.select({ id: users.id, email: users.email, name: users.name, isAdministrator: users.isAdministrator })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.tokenHash, hash(token)), gt(sessions.expiresAt, new Date())));
	const user = rows[0];
	if (!user) return null;
	const orgs = await db
		.select({ organisationId: memberships.organisationId, role: memberships.role })
		.from(memberships)
		.where(eq(memberships.userId, user.id));
	return { ...user, memberships: orgs };
}
