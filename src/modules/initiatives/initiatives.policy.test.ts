import { test } from "node:test";
import { createFocusArea, createInitiative } from "../../../test/factories.js";
import { assertTable, passes, policyCast } from "../../../test/policy-cast.js";
import { requireOwner } from "./initiatives.policy.js";

const { db, programme, viewers, organisations } = await policyCast();
const area = await createFocusArea(db, programme.id);
// Owned by the approved association and the pending one.
const initiative = await createInitiative(db, programme.id, area.id, { ownerIds: [organisations.approved.id, organisations.pending.id] });
const owners = [organisations.approved, organisations.pending].map((o) => ({ id: o.id, name: o.name }));

test("who may do what with a joint initiative, role by action (its owners' members change it)", async () => {
	await assertTable({ change: ["member", "admin", "pendingMember", "pendingAdmin"] }, (role) =>
		passes(() => requireOwner(viewers[role], async () => ({ ...initiative, owners }))),
	);
});
