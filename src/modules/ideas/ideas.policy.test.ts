import { test } from "node:test";
import { assertTable, coordination, policyCast, signedIn } from "../../../test/policy-cast.js";
import { may } from "./ideas.policy.js";

const { users, actors } = await policyCast();

test("who may do what with an idea by a resident, role by action", async () => {
	await assertTable({ propose: signedIn, takePart: signedIn, seeHidden: ["resident", ...coordination], moderate: coordination }, (role, action) =>
		may(actors[role], action, users.resident.id),
	);
});
