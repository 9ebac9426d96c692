// iCalendar feeds (RFC 5545), written by hand: the format is short and needs no dependency.

/** An event of a feed. */
export type CalendarEvent = { uid: string; start: Date; end: Date; summary: string; location: string; description: string; url: string };

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
	return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line so no line is longer than 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const out: string[] = [];
	let current = "";
	let octets = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch, "utf8");
		// Continuation lines start with a space, which counts towards their 75 octets.
		const limit = out.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			out.push(current);
			current = "";
			octets = 0;
		}
		current += ch;
		octets += size;
	}
	out.push(current);
	return out.join("\r\n ");
}

/** An instant as an iCalendar UTC date-time, e.g. 20181002T160000Z. */
export function utcStamp(at: Date): string {
	return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** The whole calendar as text with CRLF line ends, events in time order. */
export function calendar(name: string, events: CalendarEvent[], now = new Date()): string {
	const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Medskapa//Framtidsprogram//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(name)}`];
	for (const e of [...events].sort((a, b) => a.start.getTime() - b.start.getTime())) {
		lines.push(
			"BEGIN:VEVENT",
			`UID:${e.uid}`,
			`DTSTAMP:${utcStamp(now)}`,
			`DTSTART:${utcStamp(e.start)}`,
			`DTEND:${utcStamp(e.end)}`,
			`SUMMARY:${escapeText(e.summary)}`,
			`LOCATION:${escapeText(e.location)}`,
			`DESCRIPTION:${escapeText(e.description)}`,
			`URL:${e.url}`,
			"END:VEVENT",
		);
	}
	lines.push("END:VCALENDAR");
	return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** Sends a calendar as an inline .ics download. */
export function icsHeaders(filename: string): Record<string, string> {
	return { "content-type": "text/calendar; charset=utf-8", "content-disposition": `inline; filename="${filename}"` };
}
