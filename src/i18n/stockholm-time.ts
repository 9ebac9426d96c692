// Times are entered and shown on Swedish clocks and stored as UTC instants.

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" });
const partsFormat = new Intl.DateTimeFormat("sv-SE", {
	timeZone: "Europe/Stockholm",
	year: "numeric",
	month: "2-digit",
	day: "2-digit",
	hour: "2-digit",
	minute: "2-digit",
	hourCycle: "h23",
});

function offsetMinutes(at: Date): number {
	const name = offsetFormat.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The UTC instant of a date (YYYY-MM-DD) and time (HH:MM) on Swedish clocks. */
export function stockholmInstant(date: string, time: string): Date {
	const asUtc = new Date(`${date}T${time}:00Z`).getTime();
	const first = new Date(asUtc - offsetMinutes(new Date(asUtc)) * 60000);
	// Near a daylight-saving change the offset at the result can differ from the first guess.
	return new Date(asUtc - offsetMinutes(first) * 60000);
}

/** The date (YYYY-MM-DD) and time (HH:MM) an instant shows on Swedish clocks. */
export function stockholmParts(at: Date): { date: string; time: string } {
	const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** An instant as Swedish local time for a datetime-local field (YYYY-MM-DDTHH:MM). */
export function toStockholmLocal(at: Date): string {
	const { date, time } = stockholmParts(at);
	return `${date}T${time}`;
}

/** The instant a Swedish local time from a datetime-local field (YYYY-MM-DDTHH:MM, or typed with a space for the T) names. */
export function fromStockholmLocal(local: string): Date {
	const [date = "", time = ""] = local.split(/[T ]/);
	return stockholmInstant(date, time);
}
