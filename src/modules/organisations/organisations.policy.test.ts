import { test } from "node:test";
import { assertTable, passes, policyCast, signedIn } from "../../../test/policy-cast.js";
import { maySee, requireAdmin, requireMember, requirePerson } from "./organisations.policy.js";

const { viewers, organisations } = await policyCast();
const { approved, pending } = organisations;

test("who may do what with organisations, role by action", async () => {
	await assertTable(
		{
			"take part (register, write, accept an invitation)": signedIn,
			"see the approved association": ["signedOut", ...signedIn],
			"see the pending association": ["pendingMember", "pendingAdmin"],
			"use the approved association's workspace": ["member", "admin"],
			"use the pending association's workspace": ["pendingMember", "pendingAdmin"],
			"manage the approved association": ["admin"],
			"manage the pending association": ["pendingAdmin"],
		},
		(role, action) => {
			const viewer = viewers[role];
			const organisation = action.includes("pending") ? pending : approved;
			if (action.startsWith("see")) return maySee(viewer, organisation);
			if (action.startsWith("use")) return passes(() => requireMember(viewer, async () => organisation));
			if (action.startsWith("manage")) return passes(() => requireAdmin(viewer, async () => organisation));
			return passes(() => requirePerson(viewer));
		},
	);
});
