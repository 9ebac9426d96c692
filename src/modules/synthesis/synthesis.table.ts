// Reads a survey tool's export (CSV or .xlsx) into a header row and data rows of plain strings. CSV may be comma-,
// semicolon- or tab-separated, UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (what Swedish Excel
// saves); anything else is refused with a message rather than read as garbled text.
import { parse } from "csv-parse/sync";
import { looksLikeXlsx, readFirstSheet } from "../../lib/spreadsheet.js";

/** A file's header and its data rows, each with its row number as a spreadsheet shows it (the header is row 1). */
export type Table = { headers: string[]; rows: { row: number; cells: string[] }[] };

/** A file that cannot be read, with the message key (and parameters) to show. */
export class TableError extends Error {
	constructor(
		readonly key: string,
		readonly params: Record<string, string | number> = {},
	) {
		super(key);
	}
}

const oldExcelMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads a CSV or .xlsx file; throws a TableError naming what is wrong. */
export async function readTable(data: Buffer, fileName: string): Promise<Table> {
	if (data.length === 0) throw new TableError("synthesis.import.error.empty");
	if (data.subarray(0, 4).equals(oldExcelMagic) || /\.xls$/i.test(fileName)) throw new TableError("synthesis.import.error.oldExcel");
	const table = looksLikeXlsx(data, fileName) ? await readXlsx(data) : readCsv(decodeText(data));
	const width = table.headers.length;
	if (width === 0 || table.headers.every((h) => h === "")) throw new TableError("synthesis.import.error.noHeader");
	return table;
}

/** The text of a CSV file in whichever of the accepted encodings it is written. */
export function decodeText(data: Buffer): string {
	if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return utf8(data.subarray(3));
	if (data[0] === 0xff && data[1] === 0xfe) return checked(new TextDecoder("utf-16le").decode(data.subarray(2)));
	if (data[0] === 0xfe && data[1] === 0xff) return checked(new TextDecoder("utf-16be").decode(data.subarray(2)));
	try {
		return utf8(data);
	} catch {
		return checked(new TextDecoder("windows-1252").decode(data));
	}
}

function utf8(data: Buffer): string {
	return checked(new TextDecoder("utf-8", { fatal: true }).decode(data));
}

// Control characters other than tab and line breaks mean the bytes were not text in the encoding tried (e.g. UTF-16
// without a byte-order mark, or a binary file).
function checked(text: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
	if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u0080-\u009f]/.test(text)) throw new TableError("synthesis.import.error.encoding");
	return text;
}

/** The separator of a CSV text: whichever of semicolon, comma and tab occurs most in its first line outside quotes. */
function separator(text: string): string {
	const firstLine = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, "");
	const counts = [";", ",", "\t"].map((c) => [c, firstLine.split(c).length - 1] as const);
	return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(text: string): Table {
	let records: string[][];
	try {
		records = parse(text, { delimiter: separator(text), relax_column_count: true, skip_empty_lines: true, trim: true });
	} catch (err) {
		throw new TableError("synthesis.import.error.csv", { line: (err as { lines?: number }).lines ?? "?" });
	}
	const [headers = [], ...rows] = records;
	return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

async function readXlsx(data: Buffer): Promise<Table> {
	const records = await readFirstSheet(data);
	if (!records) throw new TableError("synthesis.import.error.xlsx");
	const [header, ...rows] = records;
	return { headers: header?.cells ?? [], rows };
}
