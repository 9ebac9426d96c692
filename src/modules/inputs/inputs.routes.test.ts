import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { test } from "node:test";
import { clientAs, createFocusArea, createProgramme, createUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { addInputs } from "./index.js";
import * as s from "../../schema.js";
import { eq } from "drizzle-orm";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "En trygg bygd" });
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const resident = await createUser(db);

await addInputs(db, [
	{ source: "survey", sourceId: "answer-1", text: "Vi behöver fler cykelvägar i Norsjö", occurredOn: "2018-09-12", locality: "Norsjö", ageBand: "30–44" },
	{ source: "workshop", sourceId: "note-1", text: "Bättre belysning vid skolan", occurredOn: "2018-10-02", locality: "Bastuträsk", focusAreaId: area.id },
	{ source: "idea", sourceId: "idea-1", text: "=HYPERLINK(\"x\"); \"citat\", och komma", occurredOn: "2018-10-05" },
	{ source: "comment", sourceId: "comment-1", text: "   ", occurredOn: "2018-10-06" },
]);

test("adding the same source again updates the input and keeps its id; blank texts are not inputs", async () => {
	const [before] = await db.select().from(s.inputs).where(eq(s.inputs.sourceId, "answer-1"));
	await addInputs(db, [{ source: "survey", sourceId: "answer-1", text: "Vi behöver fler cykelvägar i Norsjö och Kusfors", occurredOn: "2018-09-12", locality: "Norsjö" }]);
	const [after] = await db.select().from(s.inputs).where(eq(s.inputs.sourceId, "answer-1"));
	assert.equal(after!.id, before!.id);
	assert.match(after!.text, /Kusfors/);
	assert.equal((await db.select().from(s.inputs).where(eq(s.inputs.sourceId, "comment-1"))).length, 0);
});

test("coordinators search inputs in Swedish and filter them; residents may not", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const all = await client.get("/admin/inspel");
	assert.equal(all.statusCode, 200);
	assert.match(all.body, /3 inspel matchar/);
	// Swedish stemming: "cykelväg" finds "cykelvägar".
	const found = await client.get(`/admin/inspel?q=${encodeURIComponent("cykelväg")}`);
	assert.match(found.body, /1 inspel matchar/);
	assert.match(found.body, /fler cykelvägar/);
	const bySource = await client.get("/admin/inspel?source=workshop");
	assert.match(bySource.body, /Bättre belysning/);
	assert.doesNotMatch(bySource.body, /cykelvägar/);
	const byArea = await client.get(`/admin/inspel?focusAreaId=${area.id}&locality=Bastutr%C3%A4sk`);
	assert.match(byArea.body, /1 inspel matchar/);
	const junk = await client.get("/admin/inspel?source=nonsense&focusAreaId=x&q=%22%22%22(");
	assert.equal(junk.statusCode, 200);
	assert.equal((await (await clientAs(app, db, resident.id)).get("/admin/inspel")).statusCode, 403);
});

test("CSV export has a BOM, quotes cells that need it, defuses formulas, and uses semicolons on request", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const csv = await client.get("/admin/inspel.csv?sep=semicolon");
	assert.equal(csv.statusCode, 200);
	assert.match(String(csv.headers["content-type"]), /^text\/csv; charset=utf-8/);
	assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
	const lines = csv.body.replace(/^\uFEFF/, "").split("\r\n");
	assert.equal(lines[0], "id;source;sourceId;occurredOn;locality;ageBand;focusArea;hidden;text");
	assert.ok(lines.some((l) => l.endsWith(`"'=HYPERLINK(""x""); ""citat"", och komma"`)));
	const comma = await client.get("/admin/inspel.csv");
	assert.match(comma.body, /^\uFEFFid,source,/);
	const xlsx = await client.get("/admin/inspel.xlsx");
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
	const sheet = book.worksheets[0]!;
	assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ["id", "source", "sourceId", "occurredOn", "locality", "ageBand", "focusArea", "hidden", "text"]);
	const cells = sheet.getColumn(9).values.filter((v) => typeof v === "string" && v.includes("HYPERLINK"));
	assert.deepEqual(cells, ['=HYPERLINK("x"); "citat", och komma'], "in Excel a formula-like text stays text, never a formula");
});

test("the JSON API gives coordinators the inputs and refuses everyone else", async () => {
	assert.equal((await new TestClient(app).get("/api/v1/inputs")).statusCode, 401);
	assert.equal((await (await clientAs(app, db, resident.id)).get("/api/v1/inputs")).statusCode, 403);
	const res = await (await clientAs(app, db, coordinatorAdmin.id)).get("/api/v1/inputs?source=survey");
	assert.equal(res.statusCode, 200);
	const body = JSON.parse(res.body) as { source: string; locality: string; ageBand: string }[];
	assert.equal(body.length, 1);
	assert.equal(body[0]!.locality, "Norsjö");
	assert.equal(body[0]!.ageBand, null);
});
