// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), comma- or semicolon-separated, CRLF rows.

/** A text with a leading =, +, -, @, tab or carriage return defused by an apostrophe, so spreadsheets show it as text and never run it as a formula. */
function defused(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field, quoted when it must be and defused. */
export function csvField(value: string, sep: string): string {
	const safe = defused(value);
	return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One comma-separated row with every text quoted and defused, and numbers as they are (for files read by programs too). */
export function csvQuotedRow(cells: (string | number)[]): string {
	return cells.map((v) => (typeof v === "number" ? String(v) : `"${defused(v).replaceAll('"', '""')}"`)).join(",");
}

/** A whole CSV document from rows of text, with the byte-order mark and a final line break. */
export function csvDocument(rows: string[][], sep: "," | ";"): string {
	return `\uFEFF${rows.map((row) => row.map((v) => csvField(v, sep)).join(sep)).join("\r\n")}\r\n`;
}
