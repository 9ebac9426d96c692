// Test harness: each test file gets a fresh, migrated database of its own and an app on it.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { after } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import { formatDateTime, type Lang } from "../src/i18n/i18n.js";
import { createServerDatabase, type Database, type Db, dropServerDatabase, openDatabase } from "../src/db/client.js";

/**
 * The database this run tests on, for the names of tests that can fail only on one of them: PGlite has one connection,
 * so a race test passes there whatever the code does; CI runs every test on PostgreSQL too.
 */
export const testedOn = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite";

/** Opens a fresh database copied from the run's migrated template; closed and dropped after the file. */
export async function testDatabase(): Promise<Database> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	const template = process.env.MEDSKAPA_TEST_TEMPLATE;
	if (serverUrl && template) {
		const name = `${template}_${randomBytes(4).toString("hex")}`;
		const database = await openDatabase(await createServerDatabase(serverUrl, name, template), { poolSize: 4 });
		after(async () => {
			await database.close();
			await dropServerDatabase(serverUrl, name);
		});
		return database;
	}
	const snapshotFile = process.env.MEDSKAPA_TEST_SNAPSHOT;
	const snapshot = snapshotFile ? new Blob([readFileSync(snapshotFile)]) : undefined;
	const database = await openDatabase("pglite:memory:", { snapshot });
	if (!snapshot) await database.migrate();
	after(() => database.close());
	return database;
}

/**
 * Two handles on one fresh database, as two server processes have: on PostgreSQL two pools, on PGlite (one client in
 * one process) two distinct handles on the same client, so that whatever a process keeps per handle (caches, counters)
 * is kept apart. For tests of what one process must not take on trust from its own memory.
 */
export async function twoHandles(): Promise<[Database, Database]> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	const template = process.env.MEDSKAPA_TEST_TEMPLATE;
	if (serverUrl && template) {
		const name = `${template}_${randomBytes(4).toString("hex")}`;
		const url = await createServerDatabase(serverUrl, name, template);
		const handles: [Database, Database] = [await openDatabase(url, { poolSize: 4 }), await openDatabase(url, { poolSize: 4 })];
		after(async () => {
			for (const h of handles) await h.close();
			await dropServerDatabase(serverUrl, name);
		});
		return handles;
	}
	const first = await testDatabase();
	return [first, { ...first, db: new Proxy(first.db, {}), close: async () => undefined }];
}

// Random, so that no key is written in the code, and one pair per test process, so that every app a file builds
// hashes votes alike (the vote key is the process's).
const testKeys = { SESSION_SECRET: randomBytes(32).toString("hex"), VOTE_ROLL_KEY: randomBytes(32).toString("hex") };

/**
 * Settings for tests: this process's keys, quiet logs, no demo, no read cache (tests change the database directly), and
 * a Kolada address nothing listens on, so that no test reaches the real Kolada (tests that need one start the local
 * fixture server).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
	const env = { ...testKeys, LOG_LEVEL: "silent", DEMO_ON_EMPTY: "false", READ_CACHE_MS: "0", KOLADA_BASE_URL: "http://127.0.0.1:9/v3" };
	return { ...loadConfig(env), ...overrides };
}

/** A fresh database and the app on it, for one test file. */
export async function testApp(overrides: Partial<Config> = {}): Promise<{ app: FastifyInstance; db: Db; database: Database; config: Config }> {
	const database = await testDatabase();
	const config = testConfig(overrides);
	const app = await buildApp(config, database);
	after(() => app.close());
	return { app, db: database.db, database, config };
}

/** A browser-like client for in-process requests: keeps cookies and fills in CSRF tokens. */
export class TestClient {
	readonly cookies = new Map<string, string>();
	constructor(readonly app: FastifyInstance) {}

	private cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	}

	private keep(res: LightMyRequestResponse): LightMyRequestResponse {
		for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
			const gone = c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
			if (gone) this.cookies.delete(c.name);
			else this.cookies.set(c.name, c.value);
		}
		return res;
	}

	/** GET a URL. */
	async get(url: string): Promise<LightMyRequestResponse> {
		return this.keep(await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader() } }));
	}

	/** A valid CSRF token for this client's cookie. */
	async csrfToken(): Promise<string> {
		const res = await this.get("/sign-in");
		const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
		if (!token) throw new Error("no CSRF token on /sign-in");
		return token;
	}

	/** POST a multipart form with one file the way a browser does, with the CSRF token. */
	async postFile(url: string, fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }): Promise<LightMyRequestResponse> {
		const boundary = "----medskapa-test";
		const part = (headers: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${headers}\r\n\r\n`);
		const parts: Buffer[] = Object.entries({ ...fields, _csrf: await this.csrfToken() }).flatMap(([k, v]) => [part(`name="${k}"`), Buffer.from(`${v}\r\n`)]);
		if (file) parts.push(part(`name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}`), file.data, Buffer.from("\r\n"));
		parts.push(Buffer.from(`--${boundary}--\r\n`));
		return this.keep(
			await this.app.inject({ method: "POST", url, payload: Buffer.concat(parts), headers: { cookie: this.cookieHeader(), "content-type": `multipart/form-data; boundary=${boundary}` } }),
		);
	}

	/** POST a form the way a browser does, with the CSRF token unless told otherwise. */
	async post(url: string, form: Record<string, string> | URLSearchParams, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
		const body = new URLSearchParams(form);
		if (options.csrf !== false) body.set("_csrf", await this.csrfToken());
		return this.keep(
			await this.app.inject({
				method: "POST",
				url,
				payload: body.toString(),
				headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
			}),
		);
	}
}

/**
 * Checks that a refusal by a limit says from when to try again: a time, as the page's language writes it, between
 * `from` and `to` (to the minute), and a Retry-After header that ends within the same span.
 */
export function assertSaysTryAgainFrom(res: LightMyRequestResponse, lang: Lang, from: Date, to: Date): void {
	assert.equal(res.statusCode, 429);
	const minute = 60_000;
	const times: string[] = [];
	for (let at = Math.floor(from.getTime() / minute) * minute; at <= to.getTime() + minute; at += minute) times.push(escapeHtml(formatDateTime(lang, new Date(at))));
	assert.ok(
		times.some((time) => res.body.includes(time)),
		`the refusal says a time between ${formatDateTime(lang, from)} and ${formatDateTime(lang, to)}`,
	);
	const retryAfter = Number(res.headers["retry-after"]) * 1000;
	assert.ok(Date.now() + retryAfter >= from.getTime() - minute && Date.now() + retryAfter <= to.getTime() + minute, `Retry-After ${res.headers["retry-after"]}`);
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
