// Small sealed (encrypted and authenticated) values for cookies, so that nothing about a sign-in is kept on the server.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const keyFor = (secret: string, purpose: string) => createHash("sha256").update(`medskapa:eid:${purpose}:${secret}`).digest();

/** Encrypts a value for one purpose (a cookie name) with AES-256-GCM; it opens only until ttlMs from now. */
export function seal(secret: string, purpose: string, value: unknown, ttlMs: number): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
	const plain = JSON.stringify({ v: value, exp: Date.now() + ttlMs });
	const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
	return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** Opens a sealed value, or gives null when it was tampered with, made for another purpose or has run out. */
export function unseal<T>(secret: string, purpose: string, sealed: string | undefined): T | null {
	const parts = sealed?.split(".").map((p) => Buffer.from(p, "base64url"));
	if (parts?.length !== 3) return null;
	const [iv, tag, body] = parts as [Buffer, Buffer, Buffer];
	try {
		const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
		decipher.setAuthTag(tag);
		const opened = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as { v: T; exp: number };
		return opened.exp > Date.now() ? opened.v : null;
	} catch {
		return null;
	}
}
