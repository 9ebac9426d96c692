// Small sealed (encrypted and authenticated) values for cookies, so that nothing about a sign-in is kept on the server.
import { sealingKey, seal as sealText, unseal as unsealText } from "../../lib/seal.js";

const keyFor = (secret: string, purpose: string) => sealingKey(`medskapa:eid:${purpose}:${secret}`);

/** Seals a value for one purpose (a cookie name); it opens only until ttlMs from now. */
export function seal(secret: string, purpose: string, value: unknown, ttlMs: number): string {
	return sealText(keyFor(secret, purpose), JSON.stringify({ v: value, exp: Date.now() + ttlMs }));
}

/** Opens a sealed value, or gives null when it was tampered with, made for another purpose or has run out. */
export function unseal<T>(secret: string, purpose: string, sealed: string | undefined): T | null {
	if (!sealed) return null;
	try {
		const opened = JSON.parse(unsealText(keyFor(secret, purpose), sealed)) as { v: T; exp: number };
		return opened.exp > Date.now() ? opened.v : null;
	} catch {
		return null;
	}
}
