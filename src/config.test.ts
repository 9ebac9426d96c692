import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.js";

test("defaults start Medskapa on the embedded database at port 3000", () => {
	const config = loadConfig({});
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
	assert.equal(loadConfig({ SMTP_URL: "", PORT: "" }).port, 3000);
});

test("a short session secret is refused", () => {
	assert.throws(() => loadConfig({ SESSION_SECRET: "short" }), /SESSION_SECRET: must be at least 32 characters/);
});
