import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { buildApp } from "../../app.js";
import { openDatabase } from "../../db/client.js";
import { TestClient, testApp, testConfig } from "../../../test/helpers.js";

const { app, database } = await testApp();

test("the health check says ok and which database runs", async () => {
	const res = await new TestClient(app).get("/health");
	assert.equal(res.statusCode, 200);
	assert.deepEqual(res.json(), { status: "ok", database: database.kind });
});

test("the health check answers 503 when the database is gone", async () => {
	// A database of the run's kind, closed before the request; the embedded one opens from the run's snapshot (fast).
	const snapshotFile = process.env.TEST_DATABASE_URL ? undefined : process.env.MEDSKAPA_TEST_SNAPSHOT;
	const lost = await openDatabase(process.env.TEST_DATABASE_URL ?? "pglite:memory:", {
		snapshot: snapshotFile ? new Blob([readFileSync(snapshotFile)]) : undefined,
	});
	const lostApp = await buildApp(testConfig(), lost);
	await lost.close();
	const res = await new TestClient(lostApp).get("/health");
	await lostApp.close();
	assert.equal(res.statusCode, 503);
	assert.deepEqual(res.json(), { status: "unavailable" });
});
