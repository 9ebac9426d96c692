// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer), as typed or as an e-ID claim.
import { luhnCheckDigit } from "./luhn.js";

/** A checked personal identity number: its 12-digit form and birth date. */
export type PersonalNumber = { pin: string; birthDate: string };

/**
 * Parses a Swedish personal (or coordination) number, 10 or 12 digits, with or without hyphen or plus
 * (plus marks a person of 100 or more), checking date and check digit. The century of a 10-digit form is the
 * latest one that puts the birth date on or before `today`.
 */
export function parsePersonalNumber(input: string, today = new Date()): { ok: true; value: PersonalNumber } | { ok: false; reason: "format" | "date" | "checkDigit" } {
	const raw = input.trim();
	const m = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(raw);
	if (!m) return { ok: false, reason: "format" };
	const [, century, yymmdd, sep, last4] = m as unknown as [string, string | undefined, string, string, string];
	const ten = yymmdd + last4;
	let fullYear: number;
	const yy = Number(yymmdd.slice(0, 2));
	if (century) {
		if (sep === "+") return { ok: false, reason: "format" };
		fullYear = Number(century) * 100 + yy;
	} else {
		const thisYear = today.getUTCFullYear();
		fullYear = thisYear - ((thisYear - yy) % 100 + 100) % 100;
		if (sep === "+") fullYear -= 100;
	}
	const month = Number(yymmdd.slice(2, 4));
	let day = Number(yymmdd.slice(4, 6));
	// A coordination number adds 60 to the day.
	if (day > 60) day -= 60;
	const birth = new Date(Date.UTC(fullYear, month - 1, day));
	if (month < 1 || month > 12 || birth.getUTCDate() !== day || birth.getUTCMonth() !== month - 1) return { ok: false, reason: "date" };
	if (!century && birth > today) fullYear -= 100;
	if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return { ok: false, reason: "checkDigit" };
	const birthDate = `${fullYear}-${yymmdd.slice(2, 4)}-${String(day).padStart(2, "0")}`;
	return { ok: true, value: { pin: `${fullYear}${ten.slice(2)}`, birthDate } };
}

/** Age in whole years on a given day. */
export function ageOn(birthDate: string, at: Date): number {
	const [y, mo, d] = birthDate.split("-").map(Number) as [number, number, number];
	let age = at.getUTCFullYear() - y;
	if (at.getUTCMonth() + 1 < mo || (at.getUTCMonth() + 1 === mo && at.getUTCDate() < d)) age -= 1;
	return age;
}
