// Keyed hashes, codes and receipts for votes. The key comes from VOTE_ROLL_KEY (set once at start-up).
import { createHash, createHmac, type KeyObject, randomInt } from "node:crypto";
import { sealingKey, seal as sealText, unseal as unsealText } from "../../lib/seal.js";

let voteKey: string; // No default: hashing before setVoteKey fails, rather than with a key anyone could know.

/** Sets the key for keyed hashes; called once when the app or CLI starts with its configuration. */
export function setVoteKey(key: string): void {
	voteKey = key;
}

/** The keyed hash (HMAC-SHA256) of a 12-digit personal identity number: all the roll ever stores. */
export function pinHash(pin12: string): string {
	return createHmac("sha256", voteKey).update(`pin:${pin12}`).digest("hex");
}

/** The keyed hash of a letter code, for looking it up without storing it in the clear. */
export function codeHash(code: string): string {
	return createHmac("sha256", voteKey).update(`code:${code}`).digest("hex");
}

/** The hash stored with a ballot; a receipt is random and long, so a plain hash does not reveal it. */
export function receiptHash(receipt: string): string {
	return createHash("sha256").update(`receipt:${normaliseCode(receipt)}`).digest("hex");
}

/**
 * The hash a queued ballot is found by until it is mixed: another hash of the same receipt than the ballot's, so that
 * nothing but the receipt itself leads from the queued row (written with the voter's mark) to the mixed ballot.
 */
export function queuedReceiptHash(receipt: string): string {
	return createHash("sha256").update(`queued:${normaliseCode(receipt)}`).digest("hex");
}

// No 0/O, 1/I/L: a code typed from a letter must not be misread.
const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A random code of n characters from the unambiguous alphabet, grouped by four; `pick` is replaced only by seeded demo data. */
export function randomCode(n: number, pick: (max: number) => number = randomInt): string {
	let out = "";
	for (let i = 0; i < n; i++) out += alphabet[pick(alphabet.length)];
	return out.match(/.{1,4}/g)?.join("-") ?? out;
}

/** A code as typed (any case, spaces or hyphens) in its stored form. */
export function normaliseCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, "");
}

function sealKey(): KeyObject {
	return sealingKey(`seal:${voteKey}`);
}

/** Encrypts a letter code so the print-shop export can be made again without storing the code in the clear. */
export function seal(plain: string): string {
	return sealText(sealKey(), plain);
}

/** Decrypts a sealed letter code. */
export function unseal(sealed: string): string {
	return unsealText(sealKey(), sealed);
}

/** The key queued ballots are sealed with, derived from VOTE_ROLL_KEY for this purpose alone. */
function ballotSealKey(): KeyObject {
	if (!voteKey) throw new Error("setVoteKey has not been called");
	return sealingKey(`ballot:${voteKey}`);
}

/** Encrypts a queued ballot. */
export function sealBallot(plain: string): string {
	return sealText(ballotSealKey(), plain);
}

/** Decrypts a queued ballot. */
export function unsealBallot(sealed: string): string {
	return unsealText(ballotSealKey(), sealed);
}
