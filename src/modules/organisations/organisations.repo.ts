import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { memberships, organisationInvitations, users } from "../accounts/accounts.schema.js";
import { organisations, visibleTo } from "./organisations.schema.js";

export type Organisation = typeof organisations.$inferSelect;
export type MemberRole = "member" | "admin";
/** A member of an organisation as its workspace lists them. */
export type Member = { userId: string; email: string; name: string; role: MemberRole; isContact: boolean; since: Date };
export type Invitation = typeof organisationInvitations.$inferSelect;

/** Organisations by name: only active ones unless asked for all, then those awaiting approval first. */
export async function listOrganisations(db: Db, which: "active" | "all" = "active"): Promise<Organisation[]> {
	const query = db.select().from(organisations);
	if (which === "active") return query.where(visibleTo(organisations.id)).orderBy(asc(organisations.name), asc(organisations.id));
	return query.orderBy(desc(sql`${organisations.status} = 'pending'`), asc(organisations.name), asc(organisations.id));
}

/** Organisations by name as choices for a form: only active ones unless asked for all. */
export async function organisationChoices(db: Db, which: "active" | "all" = "active"): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(which === "active" ? visibleTo(organisations.id) : undefined)
		.orderBy(asc(organisations.name));
}

/** One organisation. */
export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
	const rows = await db.select().from(organisations).where(eq(organisations.id, id));
	return rows[0];
}

/** Stores a new organisation. */
export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<Organisation> {
	const [row] = await db.insert(organisations).values(values).returning();
	return row!;
}

/** Changes an organisation. */
export async function updateOrganisation(db: Db, id: string, values: Partial<typeof organisations.$inferInsert>): Promise<void> {
	await db.update(organisations).set({ ...values, updatedAt: new Date() }).where(eq(organisations.id, id));
}

/** Deletes an organisation still awaiting approval; false when it is gone or already approved. */
export async function deletePendingOrganisation(db: Db, id: string): Promise<boolean> {
	const rows = await db
		.delete(organisations)
		.where(and(eq(organisations.id, id), eq(organisations.status, "pending")))
		.returning({ id: organisations.id });
	return rows.length === 1;
}

/** An organisation's members with their addresses, admins first, then by name and address. */
export async function listMembers(db: Db, organisationId: string): Promise<Member[]> {
	return db
		.select({
			userId: memberships.userId,
			email: users.email,
			name: users.name,
			role: memberships.role,
			isContact: memberships.isContact,
			since: memberships.createdAt,
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.organisationId, organisationId))
		.orderBy(desc(sql`${memberships.role} = 'admin'`), asc(users.name), asc(sql`lower(${users.email})`));
}

/** Makes a person a member; an existing membership keeps its role unless the new one is admin. */
export async function addMember(db: Db, values: { userId: string; organisationId: string; role: MemberRole; isContact?: boolean }): Promise<void> {
	await db
		.insert(memberships)
		.values(values)
		.onConflictDoUpdate({
			target: [memberships.userId, memberships.organisationId],
			set: { role: sql`case when excluded.role = 'admin' then excluded.role else ${memberships.role} end` },
		});
}

/** Locks the organisation's admin memberships for the transaction and returns their user ids. */
export async function lockAdmins(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "admin")))
		.for("update");
	return rows.map((r) => r.userId);
}

/** Changes a member's role; false when the person is not a member. */
export async function updateMemberRole(db: Db, organisationId: string, userId: string, role: MemberRole): Promise<boolean> {
	const rows = await db
		.update(memberships)
		.set({ role })
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		.returning({ userId: memberships.userId });
	return rows.length === 1;
}

/** Takes a person out of an organisation; false when they were not a member. */
export async function deleteMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
	const rows = await db
		.delete(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
		.returning({ userId: memberships.userId });
	return rows.length === 1;
}

/** Makes one member the organisation's only contact person; false when the person is not a member. */
export async function setContact(db: Db, organisationId: string, userId: string): Promise<boolean> {
	const rows = await db
		.update(memberships)
		.set({ isContact: sql`${memberships.userId} = ${userId}` })
		.where(eq(memberships.organisationId, organisationId))
		.returning({ userId: memberships.userId, isContact: memberships.isContact });
	return rows.some((r) => r.isContact);
}

/** Stores an invitation (its token's hash only). */
export async function insertInvitation(db: Db, values: typeof organisationInvitations.$inferInsert): Promise<Invitation> {
	const [row] = await db.insert(organisationInvitations).values(values).returning();
	return row!;
}

/** Deletes the unaccepted invitations of an address to an organisation, so a new one replaces them. */
export async function deleteOpenInvitations(db: Db, organisationId: string, email: string): Promise<void> {
	await db
		.delete(organisationInvitations)
		.where(
			and(
				eq(organisationInvitations.organisationId, organisationId),
				sql`lower(${organisationInvitations.email}) = lower(${email})`,
				isNull(organisationInvitations.acceptedAt),
			),
		);
}

/** An organisation's invitations not yet accepted, newest first. */
export async function listOpenInvitations(db: Db, organisationId: string): Promise<Invitation[]> {
	return db
		.select()
		.from(organisationInvitations)
		.where(and(eq(organisationInvitations.organisationId, organisationId), isNull(organisationInvitations.acceptedAt)))
		.orderBy(desc(organisationInvitations.createdAt));
}

/** Revokes an unaccepted invitation of an organisation; false when there is none such. */
export async function deleteInvitation(db: Db, organisationId: string, id: string): Promise<boolean> {
	const rows = await db
		.delete(organisationInvitations)
		.where(and(eq(organisationInvitations.organisationId, organisationId), eq(organisationInvitations.id, id), isNull(organisationInvitations.acceptedAt)))
		.returning({ id: organisationInvitations.id });
	return rows.length === 1;
}

/** An invitation by its token's hash, with the organisation's name. */
export async function findInvitationByHash(db: Db, tokenHash: string): Promise<(Invitation & { organisationName: string }) | undefined> {
	const rows = await db
		.select({ invitation: organisationInvitations, organisationName: organisations.name })
		.from(organisationInvitations)
		.innerJoin(organisations, eq(organisations.id, organisationInvitations.organisationId))
		.where(eq(organisationInvitations.tokenHash, tokenHash));
	const row = rows[0];
	return row && { ...row.invitation, organisationName: row.organisationName };
}

/** Marks an invitation accepted, only while it is open and unexpired; false when another request used it first. */
export async function markInvitationAccepted(db: Db, id: string, userId: string): Promise<boolean> {
	const now = new Date();
	const rows = await db
		.update(organisationInvitations)
		.set({ acceptedAt: now, acceptedBy: userId })
		.where(and(eq(organisationInvitations.id, id), isNull(organisationInvitations.acceptedAt), gt(organisationInvitations.expiresAt, now)))
		.returning({ id: organisationInvitations.id });
	return rows.length === 1;
}
