// The people every policy test asks about, made through the factories on a fresh database and seen as the app sees
// them (a real session's viewer), so that a policy's table of role × action is checked against what it really answers.
import assert from "node:assert/strict";
import type { Actor } from "../src/lib/actor.js";
import { startSession, viewerForToken } from "../src/modules/accounts/index.js";
import { actorOf } from "../src/modules/programmes/index.js";
import type { Viewer } from "../src/ui/context.js";
import { createOrganisation, createProgramme, createUser } from "./factories.js";
import { testDatabase } from "./helpers.js";

/**
 * The roles of every table. "member" and "admin" belong to an approved association, "pendingMember" and "pendingAdmin"
 * to one awaiting approval; "official" is a member of the coordinating organisation and "coordinator" its admin.
 */
export const castRoles = ["signedOut", "resident", "member", "admin", "pendingMember", "pendingAdmin", "official", "coordinator", "administrator"] as const;
export type CastRole = (typeof castRoles)[number];

/** A fresh database with a programme, an approved and a pending association, and one person in each role. */
export async function policyCast() {
	const { db } = await testDatabase();
	const { programme, coordinator: coordinating } = await createProgramme(db);
	const approved = await createOrganisation(db);
	const pending = await createOrganisation(db, { status: "pending" });
	const users = {
		resident: await createUser(db),
		member: await createUser(db, { memberOf: { organisationId: approved.id, role: "member" } }),
		admin: await createUser(db, { memberOf: { organisationId: approved.id, role: "admin" } }),
		pendingMember: await createUser(db, { memberOf: { organisationId: pending.id, role: "member" } }),
		pendingAdmin: await createUser(db, { memberOf: { organisationId: pending.id, role: "admin" } }),
		official: await createUser(db, { memberOf: { organisationId: coordinating.id, role: "member" } }),
		coordinator: await createUser(db, { memberOf: { organisationId: coordinating.id, role: "admin" } }),
		administrator: await createUser(db, { isAdministrator: true }),
	};
	const viewers = { signedOut: null } as Record<CastRole, Viewer | null>;
	for (const [role, user] of Object.entries(users)) {
		viewers[role as CastRole] = await viewerForToken(db, (await startSession(db, user.id)).token);
	}
	const actors = {} as Record<CastRole, Actor>;
	for (const role of castRoles) actors[role] = await actorOf(db, viewers[role]);
	return { db, programme, organisations: { coordinating, approved, pending }, users, viewers, actors };
}

export type Cast = Awaited<ReturnType<typeof policyCast>>;

/** Roles of the cast, for writing a table's rows. */
export const signedIn = castRoles.filter((r) => r !== "signedOut");
export const coordination: CastRole[] = ["coordinator", "administrator"];

/**
 * Checks a policy against its table: for every role of the cast and every action, whether `allowed` answers as the
 * table says (an action lists the roles that may take it). All differences are reported at once.
 */
export async function assertTable<Action extends string>(
	table: Record<Action, readonly CastRole[]>,
	allowed: (role: CastRole, action: Action) => boolean | Promise<boolean>,
): Promise<void> {
	const wrong: string[] = [];
	for (const [action, roles] of Object.entries(table) as [Action, readonly CastRole[]][]) {
		for (const role of castRoles) {
			const expected = roles.includes(role);
			if ((await allowed(role, action)) !== expected) wrong.push(`${role} ${expected ? "may" : "may not"} ${action}`);
		}
	}
	assert.deepEqual(wrong, [], "the policy answers otherwise than its table");
}

/** Whether a check that throws on refusal lets the person through. */
export async function passes(check: () => unknown): Promise<boolean> {
	try {
		await check();
		return true;
	} catch (error) {
		const status = (error as { statusCode?: number }).statusCode;
		if (status === 401 || status === 403) return false;
		throw error;
	}
}
