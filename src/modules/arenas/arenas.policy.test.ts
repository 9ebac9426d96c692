import { test } from "node:test";
import { createFocusArea } from "../../../test/factories.js";
import { assertTable, type CastRole, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { type Planner, requirePlanner, requireSomeArea } from "./arenas.policy.js";

const { db, programme, actors, users, organisations } = await policyCast();
// The approved association works in the first area; nobody works in the second.
const theirs = await createFocusArea(db, programme.id, { organisationIds: [organisations.approved.id] });
const nobodys = await createFocusArea(db, programme.id, { position: 2 });
const areas = [theirs, nobodys].map((a) => ({ id: a.id, name: a.name }));
const worksIn = new Set<string>([users.member.id, users.admin.id]);

function plannerOf(role: CastRole): Planner {
	const actor = actors[role];
	return { ...actor, areas: actor.viewer ? areas : [], theirAreas: actor.viewer && worksIn.has(actor.viewer.id) ? [theirs] : [] };
}

test("who may plan arena meetings, role by action (the coordinator everywhere, members where their organisation works)", async () => {
	await assertTable(
		{
			"plan somewhere": ["member", "admin", ...coordination],
			"plan in their organisation's area": ["member", "admin", ...coordination],
			"plan in an area nobody works in": coordination,
		},
		(role, action) =>
			passes(() => {
				const planner = plannerOf(role);
				if (action === "plan somewhere") return requireSomeArea(planner);
				return requirePlanner(planner, action.includes("nobody") ? nobodys.id : theirs.id);
			}),
	);
});
