// Tables officials download, from one description: CSV for Swedish Excel (semicolon, BOM, decimal comma), CSV for
// other tools (comma, decimal point), and .xlsx (exceljs) with numbers kept as numbers and a frozen bold header.
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
