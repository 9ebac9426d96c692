import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./indicators.policy.js";

const { actors } = await policyCast();

test("who may do what with indicators, role by action", async () => {
	await assertTable({ manage: coordination }, (role, action) => passes(() => authorize(actors[role], action)));
});
