import assert from "node:assert/strict";
import { test } from "node:test";
import { createProgramme, createUser } from "../../../test/factories.js";
import { testApp } from "../../../test/helpers.js";
import { startSession, viewerForToken } from "../accounts/index.js";
import { analysts } from "./synthesis.schema.js";
import { may, type SynthesisAction, synthesisPolicy } from "./synthesis.policy.js";

const { db } = await testApp();
const { coordinator } = await createProgramme(db);
const people = {
	coordinator: await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } }),
	analyst: await createUser(db),
	resident: await createUser(db),
};
await db.insert(analysts).values({ userId: people.analyst.id });

const expected: Record<keyof typeof people | "signedOut", Record<SynthesisAction, boolean>> = {
	coordinator: { manageAnalysts: true, analyse: true },
	analyst: { manageAnalysts: false, analyse: true },
	resident: { manageAnalysts: false, analyse: false },
	signedOut: { manageAnalysts: false, analyse: false },
};

async function viewerForUser(userId: string) {
	return viewerForToken(db, (await startSession(db, userId)).token);
}

test("who may do what in synthesis, role by action", async () => {
	for (const [role, actions] of Object.entries(expected)) {
		const viewer = role === "signedOut" ? null : await viewerForUser(people[role as keyof typeof people].id);
		for (const action of Object.keys(synthesisPolicy) as SynthesisAction[]) {
			assert.equal(await may(db, viewer, action), actions[action], `${role} ${action}`);
		}
	}
});
