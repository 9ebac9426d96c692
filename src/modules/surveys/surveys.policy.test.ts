import { test } from "node:test";
import { assertTable, coordination, policyCast } from "../../../test/policy-cast.js";
import { may } from "./surveys.policy.js";

const { db, viewers } = await policyCast();

test("who may do what with surveys, role by action (officials are the coordinating organisation's members)", async () => {
	await assertTable({ administer: coordination, previewDraft: coordination, enterPaper: ["official", ...coordination] }, (role, action) =>
		may(db, viewers[role], action),
	);
});
