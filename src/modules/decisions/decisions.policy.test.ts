import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { requireCoordination, requireOfficialFor, requireSomeOffice } from "./decisions.policy.js";

const { actors, organisations } = await policyCast();
const { approved, pending } = organisations;

test("who may do what with decisions, role by action (an official is an admin of the body's organisation)", async () => {
	await assertTable(
		{
			"record for the approved association": ["admin", ...coordination],
			"record for the pending association": ["pendingAdmin", ...coordination],
			"open the decisions administration": ["admin", "pendingAdmin", ...coordination],
			"name the vision's body": coordination,
		},
		(role, action) =>
			passes(() => {
				const actor = actors[role];
				if (action === "record for the approved association") return requireOfficialFor(actor, approved.id);
				if (action === "record for the pending association") return requireOfficialFor(actor, pending.id);
				if (action === "open the decisions administration") return requireSomeOffice(actor);
				return requireCoordination(actor);
			}),
	);
});
