// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), comma- or semicolon-separated, CRLF rows.

/** One CSV field, quoted when it must be; a leading =, +, - or @ is defused so spreadsheets show it as text. */
export function csvField(value: string, sep: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document from rows of text, with the byte-order mark and a final line break. */
export function csvDocument(rows: string[][], sep: "," | ";"): string {
	return `\uFEFF${rows.map((row) => row.map((v) => csvField(v, sep)).join(sep)).join("\r\n")}\r\n`;
}
