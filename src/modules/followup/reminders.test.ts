import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createFocusArea, createGoal, createOrganisation, createProgramme, createUser, signedInCoordinator, signedInUser } from "../../../test/factories.js";
import { testApp } from "../../../test/helpers.js";
import * as s from "../../schema.js";
import { reminderDay, sendDueReminders } from "./reminders.service.js";

const { app, db, database, config } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const bygg = await createOrganisation(db, { name: "Norsjö Bygg AB" });
const forening = await createOrganisation(db, { name: "Bygdeföreningen" });
await createGoal(db, programme.id, area.id, { organisationId: bygg.id, title: "Fler bor i Norsjö" });
const cleanup = await createGoal(db, programme.id, area.id, { organisationId: forening.id, title: "Städa bygden" });
await createUser(db, { email: "info@norsjobygg.se", memberOf: { organisationId: bygg.id, role: "admin" } });
await createUser(db, { email: "kontakt@bygdeforeningen.se", memberOf: { organisationId: forening.id, role: "admin" } });
const coordinatorClient = await signedInCoordinator(app, db, coordinator.id);
const member = (await signedInUser(app, db, { memberOf: { organisationId: forening.id, role: "member" } })).client;

const mailsTo = async (recipient: string) => (await db.select().from(s.outbox).where(eq(s.outbox.recipient, recipient))).map((m) => m.subject);

test("the reminder days are a week before the deadline and the day before, and none after it", () => {
	assert.equal(reminderDay("2027-03-31", "2027-03-23"), null);
	assert.equal(reminderDay("2027-03-31", "2027-03-24"), "2027-03-24");
	assert.equal(reminderDay("2027-03-31", "2027-03-29"), "2027-03-24");
	assert.equal(reminderDay("2027-03-31", "2027-03-30"), "2027-03-30");
	assert.equal(reminderDay("2027-03-31", "2027-03-31"), "2027-03-30");
	assert.equal(reminderDay("2027-03-31", "2027-04-01"), null);
	assert.equal(reminderDay("2027-03-03", "2027-02-24"), "2027-02-24", "across the end of a month");
});

test("an owner that has not reported is reminded by itself a week before the deadline and the day before, once each; one that has reported is not", async () => {
	const created = await coordinatorClient.post("/admin/uppfoljning", { title: "Uppföljning 2026", periodStart: "2021-01-01", periodEnd: "2021-12-31", deadline: "2027-03-31" });
	const id = created.headers.location!.split("/").pop()!;
	assert.equal(await sendDueReminders(database, config, new Date("2027-03-24T07:00:00Z")), 0, "a draft round reminds no one");
	assert.equal((await coordinatorClient.post(`/admin/uppfoljning/${id}/oppna`, {})).statusCode, 303);
	assert.equal((await member.post(`/uppfoljning/${id}/mal/${cleanup.id}`, { status: "on_track", account: "Fyra städdagar." })).statusCode, 303);

	const runOn = (day: string) => sendDueReminders(database, config, new Date(`${day}T07:00:00Z`));
	assert.equal(await runOn("2027-03-23"), 0, "eight days before: too early");
	assert.equal(await runOn("2027-03-24"), 1);
	assert.deepEqual(await mailsTo("info@norsjobygg.se"), ["Påminnelse: rapportera era mål i Uppföljning 2026"]);
	assert.deepEqual(await mailsTo("kontakt@bygdeforeningen.se"), [], "the association has reported");
	assert.equal(await runOn("2027-03-24"), 0, "a second run the same day (another process, a restart) sends nothing twice");
	assert.equal(await runOn("2027-03-27"), 0, "nor a missed morning's catch-up");
	assert.equal(await runOn("2027-03-30"), 1, "the day before the deadline");
	assert.equal((await mailsTo("info@norsjobygg.se")).length, 2);
	assert.equal(await runOn("2027-04-01"), 0, "after the deadline");

	const round = await coordinatorClient.get(`/admin/uppfoljning/${id}`);
	assert.match(round.body, /påminns av sig själva per e-post en vecka före sista dagen och dagen före/, "the coordinator is told that reminders go out by themselves");
});
