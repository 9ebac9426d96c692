import { luhnCheckDigit } from "../../lib/luhn.js";

/** A personal identity number proven by e-ID, and the birth date it encodes (for age limits). */
export type VerifiedPin = { pin: string; birthDate: string };

/** Checks a PIN claim: 12 digits, a real date (a coordination number adds 60 to the day) and the Luhn digit over the last ten. */
export function checkPinClaim(value: unknown): VerifiedPin | null {
	if (typeof value !== "string" || !/^\d{12}$/.test(value)) return null;
	const ten = value.slice(2);
	if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return null;
	const [year, month] = [Number(value.slice(0, 4)), Number(value.slice(4, 6))];
	const rawDay = Number(value.slice(6, 8));
	const day = rawDay > 60 ? rawDay - 60 : rawDay;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return { pin: value, birthDate: date.toISOString().slice(0, 10) };
}
