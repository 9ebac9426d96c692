import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { authorize } from "./votes.policy.js";

const { actors } = await policyCast();

test("who may do what with votes, role by action", async () => {
	await assertTable({ see: coordination, create: coordination, changeStage: coordination, importRoll: coordination, issueCodes: coordination, printCodes: coordination, enterPaper: coordination }, (role, action) => passes(() => authorize(actors[role], action)));
});
