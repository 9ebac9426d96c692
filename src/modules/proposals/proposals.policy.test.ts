import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./proposals.policy.js";

const { actors } = await policyCast();

test("who may do what with vision proposals, role by action", async () => {
	await assertTable({ see: coordination, write: coordination }, (role, action) => passes(() => authorize(actors[role], action)));
});
