import { test } from "node:test";
import { createFocusArea, createInitiative } from "../../../test/factories.js";
import { assertTable, coordination, passes, policyCast } from "../../../test/policy-cast.js";
import { mayComment, requireEditor } from "./goals.policy.js";

const { db, programme, actors, viewers, organisations } = await policyCast();
const { coordinating, approved, pending } = organisations;
const area = await createFocusArea(db, programme.id);
const initiative = await createInitiative(db, programme.id, area.id, { ownerIds: [approved.id, pending.id] });

test("who may do what with goals, role by action (an owner's members set its goals; approved organisations speak)", async () => {
	await assertTable(
		{
			"change the approved association's goals": ["member", "admin"],
			"change the pending association's goals": ["pendingMember", "pendingAdmin"],
			"change the joint initiative's goals": ["member", "admin", "pendingMember", "pendingAdmin"],
			comment: ["member", "admin", "official", ...coordination],
		},
		(role, action) => {
			if (action === "comment") return mayComment({ ...actors[role], approved: [coordinating.id, approved.id] });
			const owner = action.includes("joint")
				? { initiativeId: initiative.id }
				: { organisationId: action.includes("pending") ? pending.id : approved.id };
			return passes(() => requireEditor(db, viewers[role], owner));
		},
	);
});
