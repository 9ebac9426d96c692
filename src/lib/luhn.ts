/** The Luhn check digit for a string of digits, as used in Swedish personal and organisation numbers. */
export function luhnCheckDigit(digits: string): number {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
		if (d > 9) d -= 9;
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}

/** Normalises a Swedish organisation number to NNNNNN-NNNN, or says why it is not one. */
export function parseOrgNumber(input: string): { ok: true; value: string } | { ok: false; reason: "format" | "checkDigit" } {
	const digits = input.replace(/[\s-]/g, "");
	// A 12-digit form prefixed with 16 is also in use.
	const ten = digits.length === 12 && digits.startsWith("16") ? digits.slice(2) : digits;
	if (!/^\d{10}$/.test(ten)) return { ok: false, reason: "format" };
	if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return { ok: false, reason: "checkDigit" };
	return { ok: true, value: `${ten.slice(0, 6)}-${ten.slice(6)}` };
}
