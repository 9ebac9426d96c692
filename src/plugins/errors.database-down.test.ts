// A database that cannot be reached (here: PostgreSQL on a port nothing listens on, as during a restart) is not a bug:
// every page answers 503 with Retry-After and a plain message, never 500.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { TestClient, testConfig } from "../../test/helpers.js";
import { freePort } from "../../test/server-process.js";
import { buildApp } from "../app.js";
import { openDatabase } from "../db/client.js";

const database = await openDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/medskapa`, { poolSize: 2 });
const app = await buildApp(testConfig(), database);
after(async () => {
	await app.close();
	await database.close();
});

test("a page answers 503 with Retry-After and a plain Swedish message when the database refuses connections", async () => {
	const res = await new TestClient(app).get("/");
	assert.equal(res.statusCode, 503);
	assert.equal(res.headers["retry-after"], "5");
	assert.match(res.body, /<h1>Tillfälligt otillgänglig<\/h1>/);
	assert.match(res.body, /Vänta några sekunder och försök igen/);
});

test("in English for a visitor who chose English, and also for a signed-in person (whose session cannot be read)", async () => {
	const client = new TestClient(app);
	client.cookies.set("lang", "en");
	client.cookies.set("medskapa_session", "a-session-token");
	const res = await client.get("/vision");
	assert.equal(res.statusCode, 503);
	assert.match(res.body, /<h1>Temporarily unavailable<\/h1>/);
});

test("the API answers 503 as JSON, and /health says the database is down", async () => {
	const api = await new TestClient(app).get("/api/v1/goals");
	assert.equal(api.statusCode, 503);
	assert.equal(api.headers["retry-after"], "5");
	assert.deepEqual(api.json().error.status, 503);
	assert.match(api.json().error.title, /Tillfälligt otillgänglig/);
	const health = await new TestClient(app).get("/health");
	assert.equal(health.statusCode, 503);
	assert.deepEqual(health.json(), { status: "unavailable" });
});
