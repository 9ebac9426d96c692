import { test } from "node:test";
import { assertTable, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./branding.policy.js";

const { viewers } = await policyCast();

test("who may do what with the site's look, role by action", async () => {
	await assertTable({ changeLook: ["administrator"] }, (role, action) => passes(() => authorize(viewers[role], action)));
});
