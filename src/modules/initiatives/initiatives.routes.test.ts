import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import * as s from "../../schema.js";
import { clientAs, createArenaMeeting, createFocusArea, createGoal, createInitiative, createOrganisation, createProgramme, createUser, lastMailTo } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { csvRows, linkNamed, xlsxRows } from "../../../test/spreadsheets.js";
import { initiativesInFocusArea, initiativesOfOrganisation } from "./index.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Attrahera, rekrytera och behåll arbetskraft" });

/** An initiative owned by a municipality and a company, with a member of each and one goal. */
async function jointInitiative() {
	const municipality = await createOrganisation(db, { name: `Kommunen ${randomUUID().slice(0, 6)}` });
	const company = await createOrganisation(db, { name: `Företaget ${randomUUID().slice(0, 6)}` });
	const initiative = await createInitiative(db, programme.id, area.id, { title: `Rekryteringsresan ${randomUUID().slice(0, 6)}`, description: "Vi lockar hit folk.\n\nTillsammans.", ownerIds: [municipality.id, company.id] });
	const goal = await createGoal(db, programme.id, area.id, { initiativeId: initiative.id, title: "50 nya invånare om året" });
	const owner = await createUser(db, { memberOf: { organisationId: company.id, role: "member" } });
	return { municipality, company, initiative, goal, owner };
}

test("the public list and page show an initiative's area, owners, goals and the arena meetings that dealt with it", async () => {
	const j = await jointInitiative();
	const meeting = await createArenaMeeting(db, programme.id, area.id, { title: "Arena om kompetensförsörjning" });
	await db.insert(s.arenaMeetingLinks).values({ meetingId: meeting.id, initiativeId: j.initiative.id });
	const visitor = new TestClient(app);
	const list = await visitor.get("/initiativ");
	assert.equal(list.statusCode, 200);
	assert.match(list.body, /<h1>Gemensamma initiativ<\/h1>/);
	assert.ok(list.body.includes(`<a href="/initiativ/${j.initiative.id}">${j.initiative.title}</a>`));
	assert.match(list.body, new RegExp(`Ägs av (${j.company.name}, ${j.municipality.name}|${j.municipality.name}, ${j.company.name})`));

	const page = await visitor.get(`/initiativ/${j.initiative.id}`);
	assert.equal(page.statusCode, 200);
	assert.ok(page.body.includes(`<h1>${j.initiative.title}</h1>`));
	assert.match(page.body, /<p>Vi lockar hit folk\.<\/p><p>Tillsammans\.<\/p>/);
	assert.ok(page.body.includes(`<a href="/fokusomraden/${area.id}">Attrahera, rekrytera och behåll arbetskraft</a>`));
	assert.ok(page.body.includes(`<a href="/aktorer/${j.company.id}">${j.company.name}</a>`));
	assert.ok(page.body.includes(`<a href="/mal/${j.goal.id}">50 nya invånare om året</a>`));
	assert.ok(page.body.includes(`<a href="/arenor/${meeting.id}">Arena om kompetensförsörjning</a>`));
	assert.doesNotMatch(page.body, /Nytt mål för initiativet|Ändra initiativet/, "the public gets no owner links");

	const ownerPage = await (await clientAs(app, db, j.owner.id)).get(`/initiativ/${j.initiative.id}`);
	assert.ok(ownerPage.body.includes(`href="/initiativ/${j.initiative.id}/mal/ny"`));
	assert.match(ownerPage.body, /Ändra initiativet/);

	const elsewhere = await createInitiative(db, programme.id, (await createFocusArea(db, programme.id, { position: 7 })).id, { ownerIds: [j.company.id] });
	assert.ok((await initiativesInFocusArea(db, area.id)).some((i) => i.id === j.initiative.id));
	assert.ok(!(await initiativesInFocusArea(db, area.id)).some((i) => i.id === elsewhere.id), "only the area's initiatives");
	assert.deepEqual((await initiativesOfOrganisation(db, j.municipality.id)).map((i) => i.id), [j.initiative.id]);
	assert.deepEqual(await initiativesOfOrganisation(db, "inte-ett-id"), []);

	const en = new TestClient(app);
	en.cookies.set("lang", "en");
	assert.match((await en.get("/initiativ")).body, /<h1>Joint initiatives<\/h1>/);
});

test("owners change the title and description; nobody else may, and bad input keeps what was typed", async () => {
	const j = await jointInitiative();
	const url = `/initiativ/${j.initiative.id}/andra`;
	const owner = await clientAs(app, db, j.owner.id);
	assert.equal((await owner.get(url)).statusCode, 200);
	const bad = await owner.post(url, { title: "", description: "Ny beskrivning kvar" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Rubrik: Fyll i fältet\./);
	assert.match(bad.body, />Ny beskrivning kvar<\/textarea>/);

	const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	const otherOrg = await createOrganisation(db);
	const otherMember = await createUser(db, { memberOf: { organisationId: otherOrg.id, role: "admin" } });
	for (const who of [coordinatorAdmin, otherMember, await createUser(db)]) {
		const client = await clientAs(app, db, who.id);
		assert.equal((await client.get(url)).statusCode, 403);
		assert.equal((await client.post(url, { title: "Kapat", description: "" })).statusCode, 403);
	}
	const anonymous = await new TestClient(app).post(url, { title: "Kapat", description: "" });
	assert.equal(anonymous.statusCode, 303);
	assert.match(String(anonymous.headers.location), /^\/sign-in/);

	const ok = await owner.post(url, { title: "Rekryteringsresan 2.0", description: "Ny text." });
	assert.equal(ok.statusCode, 303);
	assert.equal(flashMessage((await owner.get(String(ok.headers.location))).body), "Initiativet är ändrat.");
	const [stored] = await db.select().from(s.initiatives).where(eq(s.initiatives.id, j.initiative.id));
	assert.equal(stored?.title, "Rekryteringsresan 2.0");
	assert.equal(stored?.description, "Ny text.");
	assert.equal((await new TestClient(app).get(`/initiativ/${randomUUID()}`)).statusCode, 404);
	assert.equal((await new TestClient(app).get("/initiativ/inte-ett-id")).statusCode, 404);
});

test("an owner invites a further organisation; it becomes a co-owner when one of its members accepts", async () => {
	const j = await jointInitiative();
	const school = await createOrganisation(db, { name: `Gymnasiet ${randomUUID().slice(0, 6)}` });
	const contact = await createUser(db, { email: `rektor-${randomUUID()}@skolan.se` });
	await db.insert(s.memberships).values({ userId: contact.id, organisationId: school.id, role: "admin", isContact: true });
	const owner = await clientAs(app, db, j.owner.id);
	const url = `/initiativ/${j.initiative.id}/bjud-in`;

	const form = await owner.get(url);
	assert.equal(form.statusCode, 200);
	assert.ok(form.body.includes(`value="${school.id}"`));
	assert.ok(!form.body.includes(`value="${j.company.id}"`), "owners are not offered");

	const cases: [Record<string, string>, RegExp][] = [
		[{ to: j.municipality.id, message: "Hej" }, /Organisationen äger redan initiativet\./],
		[{ to: randomUUID(), message: "Hej" }, /Organisationen finns inte\./],
		[{ to: school.id, message: "" }, /Meddelande: Fyll i fältet\./],
	];
	for (const [body, message] of cases) {
		const res = await owner.post(url, body);
		assert.equal(res.statusCode, 422, String(message));
		assert.match(res.body, message);
	}

	const sent = await owner.post(url, { to: school.id, message: "Vill ni vara med och äga detta?" });
	assert.equal(sent.statusCode, 303);
	const mail = await lastMailTo(db, contact.email);
	assert.match(mail?.subject ?? "", /att äga initiativet/);
	const again = await owner.post(url, { to: school.id, message: "En gång till" });
	assert.equal(again.statusCode, 422);
	assert.match(again.body, /redan en obesvarad inbjudan/);
	assert.match((await owner.get(`/initiativ/${j.initiative.id}`)).body, /inbjuden, väntar på svar/);

	const [request] = await db
		.select()
		.from(s.collaborationRequests)
		.where(and(eq(s.collaborationRequests.initiativeId, j.initiative.id), eq(s.collaborationRequests.toOrganisationId, school.id)));
	assert.ok(request);
	const schoolClient = await clientAs(app, db, contact.id);
	const page = await schoolClient.get(`/aktorer/${school.id}/samarbeten/${request.id}`);
	assert.match(page.body, /Inbjudan att bli medägare av initiativet/);
	const accepted = await schoolClient.post(`/aktorer/${school.id}/samarbeten/${request.id}/acceptera`, { response: "Gärna" });
	assert.equal(accepted.statusCode, 303);
	assert.equal(accepted.headers.location, `/initiativ/${j.initiative.id}`);
	const owners = await db.select().from(s.initiativeOwners).where(eq(s.initiativeOwners.initiativeId, j.initiative.id));
	assert.deepEqual(owners.map((o) => o.organisationId).sort(), [j.municipality.id, j.company.id, school.id].sort());
	assert.equal((await db.select().from(s.initiatives).where(eq(s.initiatives.title, j.initiative.title))).length, 1, "no new initiative");
	assert.match((await schoolClient.get(`/initiativ/${j.initiative.id}`)).body, /Ändra initiativet/, "the new owner may now change it");

	const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	for (const who of [await createUser(db), coordinatorAdmin]) {
		const outsider = await clientAs(app, db, who.id);
		assert.equal((await outsider.get(url)).statusCode, 403);
		assert.equal((await outsider.post(url, { to: coordinator.id, message: "Hej" })).statusCode, 403);
	}
	const anonymous = await new TestClient(app).post(url, { to: coordinator.id, message: "Hej" });
	assert.equal(anonymous.statusCode, 303);
	assert.match(String(anonymous.headers.location), /^\/sign-in/);
	assert.equal((await db.select().from(s.collaborationRequests).where(eq(s.collaborationRequests.toOrganisationId, coordinator.id))).length, 0);
});

test("initiatives export as .xlsx, CSV and JSON and through the API with stable ids of area, owners and goals", async () => {
	const j = await jointInitiative();
	const expected = {
		id: j.initiative.id,
		title: j.initiative.title,
		description: "Vi lockar hit folk.\n\nTillsammans.",
		focusAreaId: area.id,
		// Owners by name: "Företaget …" before "Kommunen …".
		ownerIds: [j.company.id, j.municipality.id],
		goalIds: [j.goal.id],
		createdAt: j.initiative.createdAt.toISOString(),
		updatedAt: j.initiative.updatedAt.toISOString(),
	};
	const visitor = new TestClient(app);
	const csv = await visitor.get("/initiativ.csv");
	assert.equal(csv.statusCode, 200);
	assert.match(String(csv.headers["content-type"]), /^text\/csv/);
	assert.ok(csv.body.startsWith("\uFEFFid,title,description,focusAreaId,ownerIds,goalIds,createdAt,updatedAt\r\n"));
	assert.ok(csv.body.includes(`${j.initiative.id},${j.initiative.title},"Vi lockar hit folk.\n\nTillsammans.",${area.id},${expected.ownerIds.join(" ")},${j.goal.id},`));

	const page = (await visitor.get("/initiativ")).body;
	const xlsx = await visitor.get(linkNamed(page, "Excel (.xlsx)"));
	assert.equal(xlsx.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	const rows = await xlsxRows(xlsx.rawPayload);
	assert.deepEqual(rows, csvRows((await visitor.get(linkNamed(page, "CSV för andra program (komma)"))).body), "the sheet holds the CSV's rows");
	assert.deepEqual(csvRows((await visitor.get(linkNamed(page, "CSV för svenska Excel (semikolon)"))).body, ";"), rows);
	assert.ok(rows.some((r) => r[0] === j.initiative.id && r[2] === expected.description));

	const json = await visitor.get("/initiativ.json");
	assert.equal(json.statusCode, 200);
	assert.deepEqual((json.json() as { id: string }[]).find((r) => r.id === j.initiative.id), expected);
	const api = await visitor.get("/api/v1/initiatives");
	assert.deepEqual((api.json() as { id: string }[]).find((r) => r.id === j.initiative.id), expected);
	const one = await visitor.get(`/api/v1/initiatives/${j.initiative.id}`);
	assert.equal(one.statusCode, 200);
	assert.deepEqual(one.json(), expected);
	assert.equal((await visitor.get(`/api/v1/initiatives/${randomUUID()}`)).statusCode, 404);
	assert.equal((await visitor.get("/api/v1/initiatives/inte-ett-id")).statusCode, 400);
	const doc = (await visitor.get("/api/v1/openapi.json")).json();
	assert.ok(doc.paths["/api/v1/initiatives"]?.get?.summary);
	assert.ok(doc.paths["/api/v1/initiatives/{id}"]?.get?.summary);
});
