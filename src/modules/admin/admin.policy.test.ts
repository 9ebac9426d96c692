import { test } from "node:test";
import { assertTable, coordination, policyCast } from "../../../test/policy-cast.js";
import { adminPolicy, adminRoles } from "./admin.policy.js";

const { db, viewers } = await policyCast();

test("who may do what with the administration's dashboard, role by action", async () => {
	await assertTable({ openDashboard: coordination, seeInstallation: ["administrator"] }, async (role, action) =>
		adminPolicy.may(await adminRoles(db, viewers[role]), action),
	);
});
