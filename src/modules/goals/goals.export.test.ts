import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { createFocusArea, createGoal, createIndicator, createInitiative, createOrganisation, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { csvRows, linkNamed, xlsxRows } from "../../../test/spreadsheets.js";
import * as s from "../../schema.js";
import { canEditGoalsOf, goalsInFocusArea, goalsOfInitiative, goalsOfOrganisation } from "./index.js";

const { app, db } = await testApp();
const { programme } = await createProgramme(db);
const org = await createOrganisation(db, { name: "Exportföreningen" });
const partner = await createOrganisation(db, { name: "Partnern AB" });
const area = await createFocusArea(db, programme.id, { name: "Vår miljö", position: 1, organisationIds: [org.id] });
const further = await createFocusArea(db, programme.id, { name: "En trygg bygd", position: 2, organisationIds: [org.id] });
const indicator = await createIndicator(db, programme.id, { title: "Andel återvunnet", unit: "procent", koladaKpi: "U07451" });
const initiative = await createInitiative(db, programme.id, area.id, { title: "Gemensam städdag", ownerIds: [org.id, partner.id] });
const goal = await createGoal(db, programme.id, area.id, {
	organisationId: org.id,
	title: 'Renare "sjöar"; och vattendrag',
	description: "=SUMMA(A1)",
	unit: "Styrelsen",
	responsible: "Ordföranden",
	expectedResult: "Fler badplatser, med rent vatten.",
	targetIndicatorId: indicator.id,
	targetValue: "72.5",
	targetYear: 2022,
	status: "on_track",
	statusChangedOn: "2020-06-01",
});
await db.insert(s.goalFocusAreas).values({ goalId: goal.id, focusAreaId: further.id });
const sub = await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Delmål: badplatsen i Norsjö", parentId: goal.id });
const joint = await createGoal(db, programme.id, area.id, { initiativeId: initiative.id, title: "Städa stränderna" });

const expected = {
	id: goal.id,
	title: 'Renare "sjöar"; och vattendrag',
	description: "=SUMMA(A1)",
	owner: { type: "organisation", id: org.id, name: "Exportföreningen" },
	focusAreas: [
		{ id: area.id, name: "Vår miljö" },
		{ id: further.id, name: "En trygg bygd" },
	],
	unit: "Styrelsen",
	periodStart: "2019-01-01",
	periodEnd: "2022-12-31",
	responsible: "Ordföranden",
	expectedResult: "Fler badplatser, med rent vatten.",
	target: { indicatorId: indicator.id, indicator: "Andel återvunnet", unit: "procent", value: 72.5, year: 2022 },
	status: "on_track",
	statusChangedOn: "2020-06-01",
	parentId: null,
	version: 1,
};

test("the API lists every goal and gives one by id, with stable ids", async () => {
	const client = new TestClient(app);
	const list = await client.get("/api/v1/goals");
	assert.equal(list.statusCode, 200);
	const goals = list.json() as (typeof expected & { updatedAt: string })[];
	assert.deepEqual(
		goals.map((g) => g.title),
		["Delmål: badplatsen i Norsjö", 'Renare "sjöar"; och vattendrag', "Städa stränderna"],
	);
	const { updatedAt, ...found } = goals.find((g) => g.id === goal.id)!;
	assert.deepEqual(found, expected);
	assert.ok(!Number.isNaN(Date.parse(updatedAt)));
	assert.equal(goals.find((g) => g.id === sub.id)!.parentId, goal.id);
	assert.deepEqual(goals.find((g) => g.id === joint.id)!.owner, { type: "initiative", id: initiative.id, name: "Gemensam städdag" });

	const one = await client.get(`/api/v1/goals/${goal.id}`);
	assert.equal(one.statusCode, 200);
	assert.deepEqual({ ...(one.json() as object), updatedAt: undefined }, { ...expected, updatedAt: undefined });
	assert.equal((await client.get(`/api/v1/goals/${randomUUID()}`)).statusCode, 404);
	assert.equal((await client.get("/api/v1/goals/inte-ett-id")).statusCode, 400);

	const docs = await client.get("/api/v1/openapi.json");
	assert.equal(docs.statusCode, 200);
	assert.ok(docs.body.includes("/api/v1/goals/{id}"), "described in OpenAPI");
});

test("the JSON export holds the same records as the API", async () => {
	const client = new TestClient(app);
	const res = await client.get("/mal.json");
	assert.equal(res.statusCode, 200);
	assert.match(String(res.headers["content-type"]), /application\/json/);
	assert.deepEqual(res.json().goals, (await client.get("/api/v1/goals")).json());
});

test("the CSV export is UTF-8 with a BOM, quoted where needed, defused against formulas, and semicolon-separated on request", async () => {
	const client = new TestClient(app);
	const res = await client.get("/mal.csv");
	assert.equal(res.statusCode, 200);
	assert.match(String(res.headers["content-type"]), /text\/csv; charset=utf-8/);
	assert.match(String(res.headers["content-disposition"]), /attachment; filename="mal.csv"/);
	assert.ok(res.body.startsWith("\uFEFFid,title,ownerType,ownerId,owner,focusAreaIds,focusAreas,"));
	const lines = res.body.slice(1).split("\r\n");
	assert.equal(lines.length, 5, "header, three goals and a final line break");
	const row = lines.find((l) => l.startsWith(goal.id))!;
	assert.ok(row.includes(`"Renare ""sjöar""; och vattendrag",organisation,${org.id},Exportföreningen,${area.id} | ${further.id},Vår miljö | En trygg bygd,`));
	assert.ok(row.includes(`"Fler badplatser, med rent vatten.",${indicator.id},Andel återvunnet,72.5,procent,2022,on_track,2020-06-01,,1,`));
	assert.ok(row.endsWith(",'=SUMMA(A1)"), "a formula is shown as text");

	const semicolon = await client.get("/mal.csv?sep=semicolon");
	assert.ok(semicolon.body.startsWith("\uFEFFid;title;ownerType;"));
	assert.ok(semicolon.body.includes(`Renare ""sjöar""; och vattendrag"`), "a field with the separator is quoted");
	assert.ok(semicolon.body.includes(";72,5;procent;"), "a decimal comma for Swedish Excel");
});

test("the exports for other modules: goals in a focus area, of an organisation, of an initiative, and who may edit them", async () => {
	const inArea = await goalsInFocusArea(db, area.id);
	assert.deepEqual(
		inArea.map((g) => g.title),
		["Delmål: badplatsen i Norsjö", 'Renare "sjöar"; och vattendrag', "Städa stränderna"],
	);
	assert.deepEqual(inArea[1], {
		id: goal.id,
		title: 'Renare "sjöar"; och vattendrag',
		status: "on_track",
		statusChangedOn: "2020-06-01",
		owner: { type: "organisation", id: org.id, name: "Exportföreningen" },
		periodStart: "2019-01-01",
		periodEnd: "2022-12-31",
		parentId: null,
	});
	assert.deepEqual(
		(await goalsInFocusArea(db, further.id)).map((g) => g.id),
		[goal.id],
		"a further area lists the goal too",
	);
	assert.deepEqual(
		(await goalsOfOrganisation(db, org.id)).map((g) => g.id),
		[sub.id, goal.id],
	);
	assert.deepEqual(
		(await goalsOfInitiative(db, initiative.id)).map((g) => g.id),
		[joint.id],
	);
	assert.deepEqual(await goalsInFocusArea(db, "trasig"), []);

	const member = await createUser(db, { memberOf: { organisationId: partner.id, role: "member" } });
	const viewer = { id: member.id, email: member.email, name: "", isAdministrator: false, memberships: [{ organisationId: partner.id, role: "member" as const }] };
	assert.equal(await canEditGoalsOf(db, viewer, { initiativeId: initiative.id }), true, "an initiative owner's member");
	assert.equal(await canEditGoalsOf(db, viewer, { organisationId: org.id }), false);
	assert.equal(await canEditGoalsOf(db, viewer, { organisationId: partner.id }), true);
	assert.equal(await canEditGoalsOf(db, { ...viewer, memberships: [], isAdministrator: true }, { organisationId: org.id }), false, "not the administrator");
	assert.equal(await canEditGoalsOf(db, null, { organisationId: org.id }), false);

	const client = new TestClient(app);
	await signInAs(client, db, member.id);
	assert.equal((await client.get(`/initiativ/${initiative.id}/mal/ny`)).statusCode, 200);
});

test("the goals page offers the goals as .xlsx, CSV for Excel and CSV, with the same rows in each", async () => {
	const client = new TestClient(app);
	const page = (await client.get("/mal")).body;
	const xlsx = await client.get(linkNamed(page, "Excel (.xlsx)"));
	assert.equal(xlsx.statusCode, 200);
	assert.equal(xlsx.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert.match(String(xlsx.headers["content-disposition"]), /attachment; filename="mal.xlsx"/);
	const csv = await client.get(linkNamed(page, "CSV för andra program (komma)"));
	const rows = await xlsxRows(xlsx.rawPayload);
	assert.equal(rows.length, 4, "a header and three goals");
	assert.deepEqual(rows, csvRows(csv.body));
	const excel = await client.get(linkNamed(page, "CSV för svenska Excel (semikolon)"));
	assert.deepEqual(
		csvRows(excel.body, ";"),
		rows.map((r) => r.map((c) => c.replace(/^72\.5$/, "72,5"))),
		"the same rows, with a decimal comma",
	);
});
