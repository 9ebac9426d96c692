import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ConfigError, loadConfig } from "./config.js";

const keys = { SESSION_SECRET: randomBytes(32).toString("hex"), VOTE_ROLL_KEY: randomBytes(32).toString("hex") };
const tmp = mkdtempSync(join(tmpdir(), "medskapa-config-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The problems loadConfig reports for an environment (none when it loads). */
function problems(env: NodeJS.ProcessEnv): string[] {
	try {
		loadConfig(env);
		return [];
	} catch (err) {
		assert.ok(err instanceof ConfigError);
		return err.problems;
	}
}

test("defaults start Medskapa on the embedded database at port 3000", () => {
	const config = loadConfig(keys);
	assert.equal(config.port, 3000);
	assert.equal(config.databaseUrl, "pglite:./data/pglite");
	assert.equal(config.smtpUrl, undefined);
});

test("every wrong setting gets its own clear message, all at once", () => {
	assert.throws(
		() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail", LOG_LEVEL: "loud" }),
		(err: unknown) => {
			assert.ok(err instanceof ConfigError);
			assert.equal(err.problems.length, 4);
			assert.match(err.message, /PORT: .*"eighty"/);
			assert.match(err.message, /DATABASE_URL: must start with postgres:\/\/, postgresql:\/\/ or pglite:/);
			assert.match(err.message, /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
			assert.match(err.message, /LOG_LEVEL/);
			return true;
		},
	);
});

test("empty settings count as unset", () => {
	assert.equal(loadConfig({ ...keys, SMTP_URL: "", PORT: "" }).port, 3000);
});

test("a short session secret is refused", () => {
	assert.throws(() => loadConfig({ SESSION_SECRET: "short" }), /SESSION_SECRET: must be at least 32 characters/);
});

test("PostgreSQL without keys does not start, with one clear message for each missing key", () => {
	const url = "postgres://medskapa@db.example.se/medskapa";
	const both = problems({ DATABASE_URL: url });
	assert.equal(both.length, 2);
	assert.match(both[0]!, /^SESSION_SECRET: must be set when Medskapa runs on PostgreSQL \(at least 32 random characters/);
	assert.match(both[1]!, /^VOTE_ROLL_KEY: must be set when Medskapa runs on PostgreSQL .*letter code/);
	assert.deepEqual(problems({ DATABASE_URL: url, SESSION_SECRET: keys.SESSION_SECRET }).map((p) => p.split(":")[0]), ["VOTE_ROLL_KEY"]);
	assert.deepEqual(problems({ DATABASE_URL: url, VOTE_ROLL_KEY: keys.VOTE_ROLL_KEY }).map((p) => p.split(":")[0]), ["SESSION_SECRET"]);
	const config = loadConfig({ DATABASE_URL: url, ...keys });
	assert.deepEqual([config.sessionSecret, config.voteRollKey], [keys.SESSION_SECRET, keys.VOTE_ROLL_KEY]);
});

test("a site with a PUBLIC_URL does not start without keys, even on the embedded database", () => {
	const dir = join(tmp, "public");
	const found = problems({ DATABASE_URL: `pglite:${dir}`, PUBLIC_URL: "https://medskapa.example.se" });
	assert.deepEqual(found.map((p) => p.split(":")[0]), ["SESSION_SECRET", "VOTE_ROLL_KEY"]);
	assert.match(found[0]!, /when PUBLIC_URL is set/);
	assert.equal(existsSync(`${dir}-keys.json`), false, "no key file is made for a real site");
});

test("the embedded database's keys are generated once into a file only its owner reads, and reused at the next start", () => {
	const dir = join(tmp, "demo", "pglite");
	const first = loadConfig({ DATABASE_URL: `pglite:${dir}` });
	const file = `${dir}-keys.json`;
	assert.equal(statSync(file).mode & 0o777, 0o600);
	assert.ok(first.sessionSecret.length >= 32 && first.voteRollKey.length >= 32);
	assert.notEqual(first.sessionSecret, first.voteRollKey);
	const stored = JSON.parse(readFileSync(file, "utf8"));
	assert.deepEqual([stored.SESSION_SECRET, stored.VOTE_ROLL_KEY], [first.sessionSecret, first.voteRollKey]);
	const again = loadConfig({ DATABASE_URL: `pglite:${dir}` });
	assert.deepEqual([again.sessionSecret, again.voteRollKey], [first.sessionSecret, first.voteRollKey]);
	assert.deepEqual(readdirSync(join(tmp, "demo")), ["pglite-keys.json"], "no draft left behind");
	// A set key still wins over the file.
	assert.equal(loadConfig({ DATABASE_URL: `pglite:${dir}`, VOTE_ROLL_KEY: keys.VOTE_ROLL_KEY }).voteRollKey, keys.VOTE_ROLL_KEY);
	const other = loadConfig({ DATABASE_URL: `pglite:${join(tmp, "other")}` });
	assert.notEqual(other.voteRollKey, first.voteRollKey, "each installation has its own keys");
	chmodSync(file, 0o644);
	assert.match(problems({ DATABASE_URL: `pglite:${dir}` })[0]!, /other users may read these keys; .*chmod 600/);
});

test("an in-memory database gets random keys for its process, and writes no file", () => {
	const before = readdirSync(tmp);
	const a = loadConfig({ DATABASE_URL: "pglite:memory:" });
	const b = loadConfig({ DATABASE_URL: "pglite:memory:" });
	assert.notEqual(a.voteRollKey, b.voteRollKey);
	assert.notEqual(a.sessionSecret, b.sessionSecret);
	assert.deepEqual(readdirSync(tmp), before);
});

test("production does not start without PUBLIC_URL: links in mails must not take their host from a request", () => {
	const before = process.env.NODE_ENV;
	process.env.NODE_ENV = "production";
	try {
		assert.deepEqual(problems(keys), [
			"PUBLIC_URL: must be set in production (the site's address, such as https://medskapa.example.se), so that links in mails never take their host from a request",
		]);
		assert.deepEqual(problems({ ...keys, PUBLIC_URL: "https://medskapa.example.se" }), []);
	} finally {
		if (before === undefined) delete process.env.NODE_ENV;
		else process.env.NODE_ENV = before;
	}
});
