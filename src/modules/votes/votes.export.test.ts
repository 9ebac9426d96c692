// Every table a coordinator takes from a vote comes as CSV for Swedish Excel (semicolons, byte-order mark, a header
// row) and as an .xlsx workbook with the same rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { clientAs, createOpenVote, createProgramme, createUser, personalNumber } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

/** The rows of an .xlsx answer's first sheet, every cell as text. */
async function workbookRows(res: LightMyRequestResponse): Promise<string[][]> {
	assert.equal(res.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
	const rows: string[][] = [];
	book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
	return rows;
}

/** The rows of a CSV for Swedish Excel, after checking its byte-order mark and separator. */
function csvRows(res: LightMyRequestResponse): string[][] {
	assert.match(String(res.headers["content-type"]), /^text\/csv/);
	assert.ok(res.body.startsWith("\uFEFF"), "a byte-order mark, so Excel reads å, ä and ö");
	return res.body.slice(1).trim().split("\r\n").map((l) => l.split(";"));
}

test("results, codes and addressed letters: CSV with semicolons and a header row, and .xlsx with the same rows", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code", frozenAt: null, resultsBeforeClose: true });
	const client = await clientAs(app, db, official.id);
	const pins = [personalNumber("19500101"), personalNumber("19510101")];
	await client.post(`/admin/votes/${vote.id}/roll`, { csv: pins.join("\n") });
	await client.post(`/admin/votes/${vote.id}/codes`, {});

	const codes = csvRows(await client.get(`/admin/votes/${vote.id}/codes.csv`));
	assert.deepEqual(codes[0], ["Omgång", "Kod", "Adress"]);
	assert.equal(codes.length, 3);
	assert.deepEqual(await workbookRows(await client.get(`/admin/votes/${vote.id}/codes.xlsx`)), codes);

	const roll = `personnummer;namn;adress\n${pins[0]};Åsa Öberg;Älvvägen 3\n${pins[1]};Bo Ek;Byn 1`;
	const addressed = csvRows(await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv: roll, format: "csv" }));
	assert.deepEqual(addressed[0], ["namn", "adress", "Kod", "Adress"]);
	assert.deepEqual(addressed[1]!.slice(0, 2), ["Åsa Öberg", "Älvvägen 3"]);
	const addressedXlsx = await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv: roll, format: "xlsx" });
	assert.equal(addressedXlsx.headers["cache-control"], "no-store");
	assert.deepEqual(await workbookRows(addressedXlsx), addressed);

	await client.post(`/admin/votes/${vote.id}/open`, {});
	const results = csvRows(await new TestClient(app).get(`/omrostning/${vote.id}/resultat.csv`));
	assert.deepEqual(results[0], ["kind", "key", "title", "votes", "share"]);
	assert.deepEqual(results.at(-1)!.slice(3, 4), ["0"]);
	const xlsx = await workbookRows(await new TestClient(app).get(`/omrostning/${vote.id}/resultat.xlsx`));
	assert.equal(xlsx.length, results.length);
	assert.deepEqual(
		xlsx.map((r) => r.slice(0, 4)),
		results.map((r) => r.slice(0, 4)),
		"the same rows",
	);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await new TestClient(app).get(`/omrostning/${vote.id}/resultat.xlsx`)).rawPayload as unknown as ArrayBuffer);
	assert.equal(typeof book.worksheets[0]!.getRow(2).getCell(4).value, "number", "votes are numbers Excel can sum");
});
