import { type PersonalNumber, parsePersonalNumber } from "../../lib/personal-number.js";

/** A personal identity number proven by e-ID, and the birth date it encodes (for age limits). */
export type VerifiedPin = PersonalNumber;

/** Checks a PIN claim: exactly 12 digits (the oidc-sweden form), a real date (a coordination number adds 60 to the day) and the Luhn digit over the last ten. */
export function checkPinClaim(value: unknown): VerifiedPin | null {
	if (typeof value !== "string" || !/^\d{12}$/.test(value)) return null;
	const parsed = parsePersonalNumber(value);
	return parsed.ok ? parsed.value : null;
}
