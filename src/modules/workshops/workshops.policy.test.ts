import { test } from "node:test";
import { createWorkshop } from "../../../test/factories.js";
import { assertTable, coordination, policyCast } from "../../../test/policy-cast.js";
import { may } from "./workshops.policy.js";

const { db, programme, users, actors } = await policyCast();
// The approved association's member facilitates the workshop; a resident entered the note.
const workshop = await createWorkshop(db, programme.id, { facilitatorId: users.member.id });
const note = { enteredBy: users.resident.id };

test("who may do what with a workshop, role by action", async () => {
	await assertTable({ administer: coordination, facilitate: ["member", ...coordination], correctNote: ["resident", ...coordination] }, (role, action) =>
		may(actors[role], action, { workshop, note }),
	);
});
