import { test } from "node:test";
import { assertTable, passes, policyCast } from "../../../test/policy-cast.js";
import { requireMember, requireSide } from "./collaboration.policy.js";

const { viewers, organisations } = await policyCast();
const { approved } = organisations;
const asMember = (role: keyof typeof viewers) => requireMember(viewers[role], async () => approved);

test("who may do what with the approved association's collaboration requests, role by action", async () => {
	await assertTable(
		{
			"propose and read requests": ["member", "admin"],
			"accept or decline one it received": ["member", "admin"],
			"withdraw one it sent": ["member", "admin"],
			"withdraw one it received": [],
			"accept one it sent": [],
		},
		(role, action) =>
			passes(async () => {
				const { viewer } = await asMember(role);
				if (action === "accept or decline one it received") requireSide(viewer, "incoming", "incoming");
				if (action === "withdraw one it sent") requireSide(viewer, "outgoing", "outgoing");
				if (action === "withdraw one it received") requireSide(viewer, "incoming", "outgoing");
				if (action === "accept one it sent") requireSide(viewer, "outgoing", "incoming");
			}),
	);
});
