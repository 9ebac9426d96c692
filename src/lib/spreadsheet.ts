// Tables officials download, from one description: CSV for Swedish Excel (semicolon, BOM, decimal comma), CSV for
// other tools (comma, decimal point), and .xlsx (exceljs) with numbers kept as numbers and a frozen bold header. Also
// reads an uploaded .xlsx back into rows of text, with the same library.
import type { CellValue } from "exceljs";
import type { FastifyReply } from "fastify";
import { csvDocument } from "./csv.js";

/** A cell: text (defused in CSV; never a formula in .xlsx), a number, or empty. */
export type Cell = string | number | null;

/** One table: the sheet's name, a header row and its rows. */
export type SheetTable = { name: string; header: string[]; rows: Cell[][] };

/** The download formats: .xlsx, CSV for Swedish Excel, CSV for other tools. */
export type TableFormat = "xlsx" | "csv-excel" | "csv";

/** The tables as one CSV document; several tables follow each other, each under a row with its name. */
export function tablesCsv(tables: SheetTable[], sep: "," | ";"): string {
	const text = (c: Cell) => (c === null ? "" : typeof c === "number" ? (sep === ";" ? String(c).replace(".", ",") : String(c)) : c);
	const rows = tables.flatMap((t, i) => [...(tables.length > 1 ? [...(i > 0 ? [[]] : []), [t.name]] : []), t.header, ...t.rows.map((r) => r.map(text))]);
	return csvDocument(rows, sep);
}

// Excel refuses sheet names over 31 characters or with any of []:*?/\ in them.
const sheetName = (name: string, used: Set<string>) => {
	const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 28) || "Blad";
	let unique = base;
	for (let n = 2; used.has(unique); n++) unique = `${base} ${n}`;
	used.add(unique);
	return unique;
};

/** The tables as an .xlsx workbook, one sheet each. */
export async function tablesXlsx(tables: SheetTable[]): Promise<Buffer> {
	// Loaded on the first download only: exceljs takes a while to import.
	const { default: ExcelJS } = await import("exceljs");
	const book = new ExcelJS.Workbook();
	const used = new Set<string>();
	for (const table of tables) {
		const sheet = book.addWorksheet(sheetName(table.name, used));
		sheet.addRow(table.header);
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: "frozen", ySplit: 1 }];
		for (const row of table.rows) sheet.addRow(row);
		sheet.columns.forEach((column, i) => {
			const longest = Math.max(table.header[i]?.length ?? 0, ...table.rows.map((r) => String(r[i] ?? "").length));
			column.width = Math.min(60, Math.max(10, longest + 2));
		});
	}
	return Buffer.from(await book.xlsx.writeBuffer());
}

const types: Record<TableFormat, string> = {
	xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"csv-excel": "text/csv; charset=utf-8",
	csv: "text/csv; charset=utf-8",
};

/** Sends the tables as a download named `fileBase` with the format's ending; never cached, since exports hold officials' data. */
export async function sendTables(reply: FastifyReply, fileBase: string, tables: SheetTable[], format: TableFormat): Promise<FastifyReply> {
	const body = format === "xlsx" ? await tablesXlsx(tables) : tablesCsv(tables, format === "csv-excel" ? ";" : ",");
	const ending = format === "xlsx" ? "xlsx" : "csv";
	return reply.type(types[format]).header("content-disposition", `attachment; filename="${fileBase}.${ending}"`).header("cache-control", "no-store").send(body);
}

/** One row read from an uploaded sheet: its number as the spreadsheet shows it and its cells as text. */
export type SheetRow = { row: number; cells: string[] };

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Whether an upload is an .xlsx workbook (a zip file, or so named), rather than CSV text. */
export function looksLikeXlsx(data: Buffer, fileName: string): boolean {
	return data.subarray(0, 4).equals(zipMagic) || /\.xlsx$/i.test(fileName);
}

/** The non-empty rows of an .xlsx file's first sheet as text; null when the file is not a workbook or has no sheet. */
export async function readFirstSheet(data: Buffer): Promise<SheetRow[] | null> {
	const { default: ExcelJS } = await import("exceljs");
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(data as unknown as ArrayBuffer);
	} catch {
		return null;
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return null;
	const rows: SheetRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
		if (cells.some((v) => v !== "")) rows.push({ row: rowNumber, cells });
	});
	return rows;
}

/** A cell's value as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
function cellText(value: CellValue): string {
	if (value === null || value === undefined) return "";
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === "object") {
		if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
		if ("text" in value) return String(value.text).trim();
		if ("result" in value) return cellText(value.result as CellValue);
		if ("error" in value) return "";
	}
	return String(value).trim();
}
