// The authorization findings of the security review (issue 11): who may change the vision, what a pending
// organisation shows to others, and whose decisions a goal or an adoption may point at.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs, createFocusArea, createOrganisation, createProgramme, createProposal, createUser, createVisionText, orgNumber, signedInUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const proposal = await createProposal(db, programme.id, { number: 5, title: "Världens bästa vardag", subtext: "Med öppenhet och mod." });
await createVisionText(db, programme.id, { proposalId: proposal.id, title: proposal.title, subtext: proposal.subtext, adoptedOn: "2019-01-20" });
const visitor = new TestClient(app);

const idFrom = (location: unknown) => String(location).split("/").at(-1)!;
const itemForm = { paragraph: "15", caseNumber: "", title: "Visionen", decidedOn: "2019-02-04", background: "", proposedDecision: "", points: "Antas.", distribution: "" };

/** A body, a meeting and an item of an organisation, made through the officials' forms by `client`. */
async function recordItem(client: TestClient, organisationId: string, name: string): Promise<{ bodyId: string; meetingId: string; itemId: string }> {
	assert.equal((await client.post("/admin/beslut/organ", { organisationId, name })).statusCode, 303);
	const [body] = await db.select().from(s.decisionBodies).where(eq(s.decisionBodies.name, name));
	const meeting = await client.post("/admin/beslut/sammantraden", { bodyId: body!.id, heldOn: "2019-02-04" });
	assert.equal(meeting.statusCode, 303);
	const meetingId = idFrom(meeting.headers.location);
	const item = await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, itemForm);
	assert.equal(item.statusCode, 303);
	return { bodyId: body!.id, meetingId, itemId: idFrom(item.headers.location) };
}

const amendment = (amendedText: string) => ({ memberName: "Mallory", party: "", kind: "amend", text: "Ny text.", proposalId: proposal.id, amendedText, outcome: "bifall" });

async function visionShows(text: string): Promise<boolean> {
	const page = await visitor.get("/vision");
	const api = await visitor.get("/api/v1/vision");
	return page.body.includes(text) || api.body.includes(text);
}

test("a newly registered, pending organisation's admin cannot rewrite the adopted vision through its own body", async () => {
	const { client } = await signedInUser(app, db);
	const joined = await client.post("/aktorer/anslut", { name: "Mallorys förening", type: "association", orgNumber: orgNumber(), description: "", website: "", reason: "Vi vill vara med." });
	assert.equal(joined.statusCode, 303);
	const [org] = await db.select().from(s.organisations).where(eq(s.organisations.name, "Mallorys förening"));
	assert.equal(org?.status, "pending");
	const { itemId } = await recordItem(client, org!.id, "Kommunfullmäktige");

	const motion = await client.post(`/admin/beslut/paragrafer/${itemId}/yrkanden`, amendment("Mallory skrev om visionen."));
	assert.equal(motion.statusCode, 422);
	assert.match(motion.body, /Bara det organ som antar programmets vision kan ändra dess text\./);
	assert.equal(await visionShows("Mallory skrev om visionen."), false);
	assert.equal((await db.select().from(s.motions).where(eq(s.motions.itemId, itemId))).length, 0);
});

test("an approved association's admin cannot rewrite the vision through its board; the body the coordinator names for the vision can", async () => {
	const club = await createOrganisation(db, { name: "Testbygdens IK" });
	const clubAdmin = await clientAs(app, db, (await createUser(db, { memberOf: { organisationId: club.id, role: "admin" } })).id);
	const board = await recordItem(clubAdmin, club.id, "Styrelsen");
	assert.equal((await clubAdmin.post(`/admin/beslut/paragrafer/${board.itemId}/yrkanden`, amendment("Styrelsens vision."))).statusCode, 422);
	assert.equal(await visionShows("Styrelsens vision."), false);

	// Only the coordinator names the body; an association's admin may not, not even its own board.
	assert.equal((await clubAdmin.post("/admin/beslut/visionsorgan", { bodyId: board.bodyId })).statusCode, 403);
	const coordinatorClient = await clientAs(app, db, coordinatorAdmin.id);
	const council = await recordItem(coordinatorClient, coordinator.id, "Testbygdens fullmäktige");
	assert.equal((await coordinatorClient.post("/admin/beslut/visionsorgan", { bodyId: council.bodyId })).statusCode, 303);
	assert.equal((await clubAdmin.post(`/admin/beslut/paragrafer/${board.itemId}/yrkanden`, amendment("Styrelsens vision."))).statusCode, 422);
	assert.equal((await coordinatorClient.post(`/admin/beslut/paragrafer/${council.itemId}/yrkanden`, amendment("Fullmäktiges vision."))).statusCode, 303);
	assert.equal(await visionShows("Fullmäktiges vision."), true);
});

test("a pending organisation's adoption, bodies and meetings are seen by its own members only, and it cannot claim another's decision", async () => {
	const { client, user } = await signedInUser(app, db);
	const pending = await createOrganisation(db, { name: "Väntande förening", status: "pending" });
	await db.insert(s.memberships).values({ userId: user.id, organisationId: pending.id, role: "admin" });
	const coordinatorClient = await clientAs(app, db, coordinatorAdmin.id);
	const theirs = await recordItem(coordinatorClient, coordinator.id, "Kommunstyrelsen");

	const claim = await client.post("/admin/antaganden", { organisationId: pending.id, decidedOn: "2019-05-01", body: "Kommunstyrelsen", itemId: theirs.itemId });
	assert.equal(claim.statusCode, 422);
	assert.match(claim.body, /Beslutet finns inte\./);
	assert.ok(!(await client.get("/admin/antaganden")).body.includes(`value="${theirs.itemId}"`), "another organisation's decision is no choice");

	const own = await recordItem(client, pending.id, "Väntande förenings styrelse");
	assert.equal((await client.post("/admin/antaganden", { organisationId: pending.id, decidedOn: "2019-05-01", body: "Styrelsen", itemId: own.itemId })).statusCode, 303);

	for (const path of ["/visionen/antaganden", "/api/v1/adoptions", "/aktorer", "/beslut", "/"]) {
		assert.ok(!(await visitor.get(path)).body.includes("Väntande förening"), `${path} does not show the pending organisation`);
	}
	for (const path of [`/beslut/sammantraden/${own.meetingId}`, `/beslut/paragrafer/${own.itemId}`, `/beslut/paragrafer/${own.itemId}/utdrag`]) {
		assert.equal((await visitor.get(path)).statusCode, 404, `${path} is not found for others`);
		assert.equal((await client.get(path)).statusCode, 200, `${path} is shown to its members`);
	}
	assert.ok((await client.get("/admin/beslut")).body.includes("Väntande förenings styrelse"), "its members see its bodies in the administration");
});

test("the goal form offers and accepts only the owner organisation's own decisions", async () => {
	const org = await createOrganisation(db, { name: "Byalaget" });
	const area = await createFocusArea(db, programme.id, { name: "Vår miljö", organisationIds: [org.id] });
	const member = await clientAs(app, db, (await createUser(db, { memberOf: { organisationId: org.id, role: "admin" } })).id);
	const coordinatorClient = await clientAs(app, db, coordinatorAdmin.id);
	const foreign = await recordItem(coordinatorClient, coordinator.id, "Kommunens utskott");
	const own = await recordItem(member, org.id, "Byalagets styrelse");

	const form = await member.get(`/aktorer/${org.id}/mal/ny`);
	assert.ok(form.body.includes(`value="${own.itemId}"`), "its own decision is a choice");
	assert.ok(!form.body.includes(`value="${foreign.itemId}"`), "another organisation's decision is no choice");
	const goal = { title: "Renare sjöar", description: "", focusAreaId: area.id, unit: "", periodStart: "2019-01-01", periodEnd: "2022-12-31", responsible: "", expectedResult: "", targetIndicatorId: "", targetValue: "", targetYear: "", parentId: "" };
	const refused = await member.post(`/aktorer/${org.id}/mal/ny`, { ...goal, decisionItemId: foreign.itemId });
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Beslut bakom målet: Beslutet finns inte\./);
	assert.equal((await db.select().from(s.goals).where(eq(s.goals.organisationId, org.id))).length, 0);
	assert.equal((await member.post(`/aktorer/${org.id}/mal/ny`, { ...goal, decisionItemId: own.itemId })).statusCode, 303);
});
