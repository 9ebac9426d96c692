// Turns the rows of a survey export into inputs, by the analyst's mapping of columns, checking every row first so
// that a file with a bad row stores nothing.
import type { ImportRowError } from "./synthesis.schema.js";
import { type Table, TableError } from "./synthesis.table.js";

/** What a column can mean; only the free text is required. */
export const importRoles = ["text", "question", "locality", "ageBand", "date", "respondent"] as const;
export type ImportRole = (typeof importRoles)[number];

/** Which column (by index) holds what. */
export type Mapping = Partial<Record<ImportRole, number>> & { text: number };

/** A row ready to become an input. */
export type PreparedRow = {
	row: number;
	sourceId: string;
	text: string;
	occurredOn: string;
	locality: string | null;
	ageBand: string | null;
	question: string | null;
	respondent: string | null;
};

const maxTextLength = 20_000;
const maxFieldLength = 200;

/** A mapping written `text=Svar,locality=Ort` (column names as in the header), checked against the header. */
export function mappingFromSpec(headers: string[], spec: string): Mapping {
	const mapping: Partial<Record<ImportRole, number>> = {};
	for (const part of spec.split(",").filter((p) => p.trim() !== "")) {
		const [role, ...rest] = part.split("=");
		const column = rest.join("=").trim();
		if (!importRoles.includes(role?.trim() as ImportRole)) throw new TableError("synthesis.import.error.unknownRole", { role: role?.trim() ?? "", roles: importRoles.join(", ") });
		const index = headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
		if (index < 0) throw new TableError("synthesis.import.error.unknownColumn", { column, columns: headers.join(", ") });
		mapping[role!.trim() as ImportRole] = index;
	}
	if (mapping.text === undefined) throw new TableError("synthesis.import.error.noText");
	return mapping as Mapping;
}

/** The date in a cell as YYYY-MM-DD: ISO dates (with or without a time), YYYY/MM/DD, or day.month.year and day/month/year as written in Sweden. */
export function parseDate(value: string): string | null {
	const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\S.*)?$/.exec(value);
	const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?: \S.*)?$/.exec(value);
	const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : [];
	if (!y || !m || !d) return null;
	const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

/**
 * Checks every row and prepares those with text (rows without text are skipped, not errors). An input's source id is
 * the respondent and question when a respondent column is mapped (so a later export of the same survey adds only the
 * new answers), else the file's hash and row (so the same file imported again adds nothing).
 */
export function prepareRows(table: Table, mapping: Mapping, fileHash: string, today: string, onRow?: (done: number) => void) {
	const rows: PreparedRow[] = [];
	const errors: ImportRowError[] = [];
	const seen = new Map<string, number>();
	let skipped = 0;
	const cell = (cells: string[], role: ImportRole) => {
		const index = mapping[role];
		const value = index === undefined ? "" : (cells[index] ?? "").trim();
		return value === "" ? null : value;
	};
	for (const [i, { row, cells }] of table.rows.entries()) {
		onRow?.(i + 1);
		const text = cell(cells, "text");
		if (!text) {
			skipped++;
			continue;
		}
		if (text.length > maxTextLength) errors.push({ row, key: "synthesis.import.error.textTooLong", params: { max: maxTextLength } });
		const fields = { locality: cell(cells, "locality"), ageBand: cell(cells, "ageBand"), question: cell(cells, "question"), respondent: cell(cells, "respondent") };
		for (const [role, value] of Object.entries(fields)) {
			if (value && value.length > maxFieldLength) errors.push({ row, key: "synthesis.import.error.fieldTooLong", params: { column: table.headers[mapping[role as ImportRole]!] ?? role, max: maxFieldLength } });
		}
		const rawDate = cell(cells, "date");
		const occurredOn = rawDate ? parseDate(rawDate) : today;
		if (!occurredOn) errors.push({ row, key: "synthesis.import.error.date", params: { value: rawDate!.slice(0, 40) } });
		const sourceId = fields.respondent ? `r:${fields.respondent}:${fields.question ?? table.headers[mapping.text]}` : `${fileHash.slice(0, 16)}:${row}`;
		const earlier = seen.get(sourceId);
		if (earlier !== undefined) errors.push({ row, key: "synthesis.import.error.duplicate", params: { earlier } });
		seen.set(sourceId, row);
		rows.push({ row, sourceId, text, occurredOn: occurredOn ?? today, ...fields });
	}
	return { rows, errors, skipped };
}
