import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "../../config.js";

// In memory: a test must not write a key file into the working tree.
const memory = { DATABASE_URL: "pglite:memory:" };
const full = { ...memory, EID_ISSUER: "https://eid.example.se", EID_CLIENT_ID: "medskapa", EID_CLIENT_SECRET: "secret" };

test("e-ID is off without EID_ settings", () => {
	assert.equal(loadConfig(memory).eid, null);
});

test("e-ID reads the Swedish OIDC profile's claim and scope unless told otherwise", () => {
	assert.deepEqual(loadConfig(full).eid, {
		issuer: "https://eid.example.se",
		clientId: "medskapa",
		clientSecret: "secret",
		pinClaim: "https://id.oidc.se/claim/personalIdentityNumber",
		scopes: "openid https://id.oidc.se/scope/naturalPersonNumber",
		allowHttp: false,
	});
	assert.equal(loadConfig({ ...full, EID_PIN_CLAIM: "ssn" }).eid?.pinClaim, "ssn");
});

test("any EID_ setting asks for issuer, client id and secret, with one message each", () => {
	assert.throws(
		() => loadConfig({ ...memory, EID_PIN_CLAIM: "nin" }),
		(err: unknown) => {
			assert.ok(err instanceof ConfigError);
			assert.equal(err.problems.length, 3);
			assert.match(err.problems[0] ?? "", /^EID_ISSUER: must be set/);
			assert.match(err.problems[1] ?? "", /^EID_CLIENT_ID: must be set/);
			assert.match(err.problems[2] ?? "", /^EID_CLIENT_SECRET: must be set/);
			return true;
		},
	);
});

test("an http issuer is refused unless EID_ALLOW_HTTP is set for tests", () => {
	const http = { ...full, EID_ISSUER: "http://127.0.0.1:4000" };
	assert.throws(() => loadConfig(http), /EID_ISSUER: must start with https:\/\//);
	assert.equal(loadConfig({ ...http, EID_ALLOW_HTTP: "true" }).eid?.allowHttp, true);
});
