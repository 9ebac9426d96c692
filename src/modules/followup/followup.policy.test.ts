import { test } from "node:test";
import { followupRounds } from "./followup.schema.js";
import { assertTable, castRoles, coordination, passes, policyCast, signedIn } from "../../../test/policy-cast.js";
import { canReadReport, requireReporter, requireRoundManager, requireSignedIn } from "./followup.policy.js";

const { db, programme, viewers, organisations } = await policyCast();
const round = { programmeId: programme.id, title: "Uppföljning", periodStart: "2021-01-01", periodEnd: "2021-12-31", deadline: "2022-02-28" };
const [draft] = await db.insert(followupRounds).values(round).returning();
const [published] = await db.insert(followupRounds).values({ ...round, publishedAt: new Date(), publishedReport: {} }).returning();

test("who may do what in follow-up, role by action (a goal's owner's members report on it)", async () => {
	await assertTable(
		{
			"run the rounds": coordination,
			"open the reporting page": signedIn,
			"report on the approved association's goal": ["member", "admin"],
			"read a report not yet published": coordination,
			"read a published report": castRoles,
		},
		(role, action) => {
			const viewer = viewers[role];
			if (action === "run the rounds") return passes(() => requireRoundManager(db, viewer));
			if (action === "open the reporting page") return passes(() => requireSignedIn(viewer));
			if (action.startsWith("report")) return passes(() => requireReporter(db, viewer, { organisationId: organisations.approved.id }));
			return canReadReport(db, viewer, action.includes("not yet") ? draft! : published!);
		},
	);
});
