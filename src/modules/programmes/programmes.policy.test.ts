import { test } from "node:test";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { requireCoordinator } from "./programmes.policy.js";

const { db, viewers } = await policyCast();

test("who may coordinate the programme, role by action", async () => {
	await assertTable({ coordinate: coordination }, (role) => passes(() => requireCoordinator(db, viewers[role])));
});
