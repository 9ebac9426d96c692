import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { test } from "node:test";
import * as s from "../../schema.js";
import { createProgramme, createUser, createWorkshop, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db, { population: 1000 });
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const anna = await createUser(db);
const bo = await createUser(db);

const [survey] = await db.insert(s.surveys).values({ programmeId: programme.id, title: "Vad tycker du om bygden", status: "closed" }).returning();
await db.insert(s.surveyResponses).values([
	{ surveyId: survey!.id, channel: "web", submittedOn: "2018-09-10", locality: "Norsjö", ageBand: "30–44" },
	{ surveyId: survey!.id, channel: "web", submittedOn: "2018-09-11", locality: "Norsjö" },
	{ surveyId: survey!.id, channel: "paper", submittedOn: "2018-10-01", locality: "Kusfors" },
	{ surveyId: survey!.id, channel: "web", userId: anna.id, submittedOn: "2018-10-02" },
]);
await createWorkshop(db, programme.id, { title: "Verkstad i Kusfors", headcount: 20, localityCounts: { Kusfors: 15, Norsjö: 5 }, ageBandCounts: { "65+": 20 } });
await createWorkshop(db, programme.id, { title: "Verkstad som inte hållits", startsAt: new Date("2018-11-20T17:00:00Z"), endsAt: new Date("2018-11-20T20:00:00Z") });
const [idea] = await db.insert(s.ideas).values({ programmeId: programme.id, authorId: anna.id, title: "Idé", text: "Text", createdAt: new Date("2018-10-03T10:00:00Z") }).returning();
await db.insert(s.ideaSupports).values({ ideaId: idea!.id, userId: bo.id, createdAt: new Date("2018-11-01T10:00:00Z") });

test("the public page counts each way of taking part apart, de-duplicates signed-in people and states its rules", async () => {
	const res = await new TestClient(app).get("/delaktighet");
	assert.equal(res.statusCode, 200);
	const text = res.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
	// Anna answered the survey signed in and submitted an idea: one person. Bo supported: one more.
	assert.match(text, /Inloggade personer 2 0,2 %/);
	assert.match(text, /Anonyma svar 2 0,2 %/);
	assert.match(text, /Pappersenkäter 1 0,1 %/);
	assert.match(text, /Räknade på framtidsverkstäder 20 2 %/);
	assert.match(text, /Sammanlagt 25 2,5 %/);
	assert.match(text, /motsvarande 2,5 % av bygdens 1 000 invånare/);
	assert.match(text, /Enkät: Vad tycker du om bygden 1 2 1 – 4/);
	assert.match(text, /Framtidsverkstad: Verkstad som inte hållits 0 0 0 Inte inskrivet ännu 0/);
	assert.match(text, /Norsjö 2 5 7/);
	assert.match(text, /Kusfors 1 15 16/);
	assert.match(text, /september 2018 2 0 0 2/);
	assert.match(text, /oktober 2018 2 20 1 23/);
	assert.match(text, /november 2018 0 0 1 1/);
	assert.match(text, /Anonyma enkätsvar går inte att koppla till någon person/);
	assert.match(text, /En person kan alltså räknas i flera aktiviteter/);
	assert.equal((res.body.match(/<h1>/g) ?? []).length, 1);
});

test("the coordinator's view adds sign-ups and the idea breakdown; residents may not see it", async () => {
	const client = new TestClient(app);
	await signInAs(client, db, coordinatorAdmin.id);
	const res = await client.get("/admin/delaktighet");
	assert.equal(res.statusCode, 200);
	assert.match(res.body, /1 personer har lämnat idéer, 0 har kommenterat och 1 har stött idéer/);
	assert.match(res.body, /Anmälda/);
	const resident = new TestClient(app);
	await signInAs(resident, db, bo.id);
	assert.equal((await resident.get("/admin/delaktighet")).statusCode, 403);
});

test("the coordinator downloads the same figures for Excel: .xlsx with one sheet per table, and CSV with semicolons", async () => {
	const client = new TestClient(app);
	await signInAs(client, db, coordinatorAdmin.id);
	const xlsx = await client.get("/admin/delaktighet.xlsx");
	assert.equal(xlsx.statusCode, 200);
	assert.match(String(xlsx.headers["content-disposition"]), /filename="delaktighet\.xlsx"/);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
	assert.deepEqual(
		book.worksheets.map((w) => w.name),
		["Så har man deltagit", "Deltagande per aktivitet", "Per ort", "Per åldersgrupp", "Deltagande per månad"],
	);
	const months = book.getWorksheet("Deltagande per månad")!;
	assert.deepEqual((months.getRow(3).values as unknown[]).slice(1), ["2018-10", 2, 20, 1, 23], "numbers stay numbers");
	const csv = await client.get("/admin/delaktighet.csv");
	assert.ok(csv.body.startsWith("\uFEFF"));
	assert.match(csv.body, /\r\n2018-10;2;20;1;23\r\n/);
	const resident = new TestClient(app);
	await signInAs(resident, db, bo.id);
	assert.equal((await resident.get("/admin/delaktighet.xlsx")).statusCode, 403);
});
