import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { mappingFromSpec, parseDate, prepareRows } from "./imports.rows.js";
import { readTable, TableError } from "./synthesis.table.js";

const swedish = "Svar;Ort\r\nFler skidspår i Bastuträsk;Bastuträsk\r\nBättre väg till Kusfors, tack;Kusfors\r\n";

async function refused(data: Buffer, fileName: string): Promise<string> {
	try {
		await readTable(data, fileName);
	} catch (err) {
		assert.ok(err instanceof TableError);
		return err.key;
	}
	assert.fail("the file was read");
}

test("CSV with semicolons or commas, in UTF-8 with or without BOM, UTF-16 with BOM or Windows-1252, reads alike", async () => {
	const comma = 'Svar,Ort\n"Fler skidspår i Bastuträsk",Bastuträsk\n"Bättre väg till Kusfors, tack",Kusfors\n';
	const encodings = [
		Buffer.from(swedish, "utf8"),
		Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(swedish, "utf8")]),
		Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(swedish, "utf16le")]),
		Buffer.from(swedish, "latin1"), // å, ä, ö are the same bytes in Windows-1252
		Buffer.from(comma, "utf8"),
	];
	for (const data of encodings) {
		const table = await readTable(data, "export.csv");
		assert.deepEqual(table.headers, ["Svar", "Ort"]);
		assert.deepEqual(table.rows, [
			{ row: 2, cells: ["Fler skidspår i Bastuträsk", "Bastuträsk"] },
			{ row: 3, cells: ["Bättre väg till Kusfors, tack", "Kusfors"] },
		]);
	}
});

test("an unknown encoding, an old or broken Excel file, an unclosed quote and an empty file are refused by name", async () => {
	assert.equal(await refused(Buffer.from(swedish, "utf16le"), "utan-bom.csv"), "synthesis.import.error.encoding");
	assert.equal(await refused(Buffer.from([0x00, 0x01, 0x02, 0x03]), "binär.csv"), "synthesis.import.error.encoding");
	assert.equal(await refused(Buffer.from("PK\x03\x04 not really a zip"), "trasig.xlsx"), "synthesis.import.error.xlsx");
	assert.equal(await refused(Buffer.from("Svar;Ort\n"), "rubrik.xlsx"), "synthesis.import.error.xlsx");
	assert.equal(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "gammal.xls"), "synthesis.import.error.oldExcel");
	assert.equal(await refused(Buffer.from('Svar;Ort\n"öppet citat;Norsjö\n'), "citat.csv"), "synthesis.import.error.csv");
	assert.equal(await refused(Buffer.alloc(0), "tom.csv"), "synthesis.import.error.empty");
});

test(".xlsx: the first sheet, with dates as dates and the spreadsheet's row numbers", async () => {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet("Svar");
	sheet.addRow(["Respondent", "Datum", "Vad vill du se i Norsjöbygden?"]);
	sheet.addRow([101, new Date(Date.UTC(2018, 8, 12)), "Ett badhus"]);
	sheet.addRow([]);
	sheet.addRow([102, new Date(Date.UTC(2018, 8, 13)), { richText: [{ text: "Mer " }, { text: "kultur" }] }]);
	const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), "netigate.xlsx");
	assert.deepEqual(table.headers, ["Respondent", "Datum", "Vad vill du se i Norsjöbygden?"]);
	assert.deepEqual(table.rows, [
		{ row: 2, cells: ["101", "2018-09-12", "Ett badhus"] },
		{ row: 4, cells: ["102", "2018-09-13", "Mer kultur"] },
	]);
});

test("rows are checked before anything is stored: bad dates and repeated answers are named by row; empty texts are skipped", () => {
	const table = {
		headers: ["Id", "Fråga", "Svar", "Datum"],
		rows: [
			{ row: 2, cells: ["1", "F1", "Badhus", "2018-09-12 14:03"] },
			{ row: 3, cells: ["2", "F1", "", "2018-09-12"] },
			{ row: 4, cells: ["3", "F1", "Skidspår", "igår"] },
			{ row: 5, cells: ["1", "F1", "Badhus igen", "12.9.2018"] },
		],
	};
	const mapping = mappingFromSpec(table.headers, "text=svar,respondent=Id,question=Fråga,date=Datum");
	const { rows, errors, skipped } = prepareRows(table, mapping, "abc", "2026-01-01");
	assert.equal(skipped, 1);
	assert.deepEqual(errors, [
		{ row: 4, key: "synthesis.import.error.date", params: { value: "igår" } },
		{ row: 5, key: "synthesis.import.error.duplicate", params: { earlier: 2 } },
	]);
	assert.equal(rows[0]!.sourceId, "r:1:F1");
	assert.equal(rows[0]!.occurredOn, "2018-09-12");
	assert.equal(parseDate("12.9.2018"), "2018-09-12");
	assert.equal(parseDate("2018-02-30"), null);
	assert.throws(() => mappingFromSpec(table.headers, "locality=Ort"), (e: TableError) => e.key === "synthesis.import.error.unknownColumn");
	assert.throws(() => mappingFromSpec(table.headers, "question=Fråga"), (e: TableError) => e.key === "synthesis.import.error.noText");
});
