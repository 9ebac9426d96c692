import { test } from "node:test";
import { assertTable, passes, policyCast, signedIn } from "../../../test/policy-cast.js";
import { authorize } from "./accounts.policy.js";

const { viewers } = await policyCast();

test("who may do what with accounts, role by action", async () => {
	await assertTable({ ownAccount: signedIn, administerPeople: ["administrator"] }, (role, action) => passes(() => authorize(viewers[role], action)));
});
