import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./focus-areas.policy.js";

const { actors } = await policyCast();

test("who may do what with focus areas, role by action", async () => {
	await assertTable({ manage: coordination }, (role, action) => passes(() => authorize(actors[role], action)));
});
