// What a letter to a voter carries so no one types a long address: a short address with the code in it, and the same
// address as a QR code (drawn by the qrcode package as SVG, so it prints sharp at any size).
import QRCode from "qrcode";
import { normaliseCode } from "./votes.crypto.js";

/** The letter's short address: the site's base and /r/ with the code as printed (hyphens are ignored when read back). */
export function shortAddress(base: string, code: string): string {
	return `${base}/r/${code}`;
}

/** The code a short address carries, as stored (letters and digits only), or null when it cannot be a code. */
export function codeFromShortAddress(segment: string): string | null {
	const code = normaliseCode(segment);
	return /^[A-Z0-9]{10,40}$/.test(code) ? code : null;
}

/** A QR code of the address as SVG markup; medium error correction survives a smudged or folded letter. */
export async function qrSvg(address: string): Promise<string> {
	return QRCode.toString(address, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
