import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./inputs.policy.js";

const { actors } = await policyCast();

test("who may do what with the pool of inputs, role by action", async () => {
	await assertTable({ readPool: coordination }, (role, action) => passes(() => authorize(actors[role], action)));
});
