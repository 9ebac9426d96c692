import { and, asc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../organisations/organisations.schema.js";
import { memberships, signInCodes, users } from "./accounts.schema.js";

export type User = typeof users.$inferSelect;
export type SignInCode = typeof signInCodes.$inferSelect;
export type MembershipRole = "member" | "admin";
/** A membership with its organisation's name, for pages and the data download. */
export type NamedMembership = { organisationId: string; organisationName: string; role: MembershipRole; createdAt: Date };

/** Stores a new sign-in code (its hash only). */
export async function insertCode(db: Db, values: { email: string; codeHash: string; expiresAt: Date }): Promise<SignInCode> {
	const [row] = await db.insert(signInCodes).values(values).returning();
	return row!;
}

/** A sign-in code by id. */
export async function findCode(db: Db, id: string): Promise<SignInCode | undefined> {
	const rows = await db.select().from(signInCodes).where(eq(signInCodes.id, id));
	return rows[0];
}

/** Counts one try at a code, only while it is unused and has tries left; returns the row after counting. */
export async function countAttempt(db: Db, id: string, maxAttempts: number): Promise<SignInCode | undefined> {
	const rows = await db
		.update(signInCodes)
		.set({ attempts: sql`${signInCodes.attempts} + 1` })
		.where(and(eq(signInCodes.id, id), isNull(signInCodes.usedAt), lt(signInCodes.attempts, maxAttempts)))
		.returning();
	return rows[0];
}

/** Marks a code used; false when another request used it first. */
export async function markCodeUsed(db: Db, id: string): Promise<boolean> {
	const rows = await db
		.update(signInCodes)
		.set({ usedAt: new Date() })
		.where(and(eq(signInCodes.id, id), isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, new Date())))
		.returning({ id: signInCodes.id });
	return rows.length === 1;
}

/** Deletes every sign-in code for an address. */
export async function deleteCodesFor(db: Db, email: string): Promise<void> {
	await db.delete(signInCodes).where(sql`lower(${signInCodes.email}) = lower(${email})`);
}

/** A person by e-mail address, whatever its case. */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	const rows = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
	return rows[0];
}

/** A person by id. */
export async function findUser(db: Db, id: string): Promise<User | undefined> {
	const rows = await db.select().from(users).where(eq(users.id, id));
	return rows[0];
}

/** Names and addresses of some people, e.g. to say who did what. */
export async function findUsers(db: Db, ids: string[]): Promise<Pick<User, "id" | "name" | "email">[]> {
	if (ids.length === 0) return [];
	return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));
}

/** The person with an address, created as a plain resident when new. */
export async function findOrCreateUser(db: Db, email: string): Promise<User> {
	await db.insert(users).values({ email }).onConflictDoNothing();
	return (await findUserByEmail(db, email))!;
}

/** Changes a person's record. */
export async function updateUser(db: Db, id: string, values: Partial<Pick<User, "name" | "isAdministrator" | "lastSignInAt">>): Promise<void> {
	await db.update(users).set(values).where(eq(users.id, id));
}

/** Deletes a person; sessions and memberships go with them. */
export async function deleteUser(db: Db, id: string): Promise<void> {
	await db.delete(users).where(eq(users.id, id));
}

/** The e-mail addresses of the installation's administrators. */
export async function listAdministratorEmails(db: Db): Promise<string[]> {
	const rows = await db.select({ email: users.email }).from(users).where(eq(users.isAdministrator, true)).orderBy(asc(users.email));
	return rows.map((r) => r.email);
}

/** Everyone, by e-mail address. */
export async function listUsers(db: Db): Promise<User[]> {
	return db.select().from(users).orderBy(asc(sql`lower(${users.email})`));
}

/** Memberships with organisation names, of one person or of everyone. */
export async function listMemberships(db: Db, userId?: string): Promise<(NamedMembership & { userId: string })[]> {
	return db
		.select({
			userId: memberships.userId,
			organisationId: memberships.organisationId,
			organisationName: organisations.name,
			role: memberships.role,
			createdAt: memberships.createdAt,
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(userId ? eq(memberships.userId, userId) : undefined)
		.orderBy(asc(organisations.name));
}

/** Gives a person a role in an organisation, replacing the role they had there. */
export async function upsertMembership(db: Db, values: { userId: string; organisationId: string; role: MembershipRole }): Promise<void> {
	await db
		.insert(memberships)
		.values(values)
		.onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role: values.role } });
}

/** Removes a person from an organisation. */
export async function deleteMembership(db: Db, userId: string, organisationId: string): Promise<void> {
	await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
}
