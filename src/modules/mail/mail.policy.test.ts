import { test } from "node:test";
import { assertTable, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./mail.policy.js";

const { viewers } = await policyCast();

test("who may do what with mail, role by action", async () => {
	await assertTable({ readOutbox: ["administrator"] }, (role, action) => passes(() => authorize(viewers[role], action)));
});
