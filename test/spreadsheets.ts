// Reading downloads back as an official's spreadsheet program would: the first sheet of an .xlsx and the rows of a CSV.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** The first sheet's rows as text, as many cells as the header has (numbers as JavaScript writes them). */
export async function xlsxRows(data: Buffer): Promise<string[][]> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(data as unknown as ArrayBuffer);
	const sheet = book.worksheets[0]!;
	const width = sheet.getRow(1).cellCount;
	const rows: string[][] = [];
	sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => String(row.getCell(i + 1).value ?? ""))));
	return rows;
}

/** A CSV download's rows with the apostrophe that defuses a formula taken off again (the .xlsx keeps such text as text). */
export function csvRows(body: string, sep: "," | ";" = ","): string[][] {
	const rows = parse(body, { delimiter: sep, bom: true, relax_column_count: true }) as string[][];
	return rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, "")));
}

/** The address of the page's link named `name` (its whole text), as a reader would follow it; fails when there is none. */
export function linkNamed(html: string, name: string): string {
	const found = [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].find((m) => m[2]!.replace(/<[^>]+>/g, "").trim() === name);
	if (!found) throw new Error(`no link named "${name}"`);
	return found[1]!.replaceAll("&amp;", "&");
}
