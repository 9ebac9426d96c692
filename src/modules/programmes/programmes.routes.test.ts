import assert from "node:assert/strict";
import { test } from "node:test";
import { createProgramme } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();

test("the start page is not found before a programme exists", async () => {
	const res = await new TestClient(app).get("/");
	assert.equal(res.statusCode, 404);
	assert.match(res.body, /<h1>Sidan finns inte<\/h1>/);
});

test("the start page shows the programme, its facts and phases, in Swedish and English", async () => {
	const { programme, coordinator } = await createProgramme(db, { name: "Framtid Test", population: 4094 });
	const client = new TestClient(app);
	const sv = await client.get("/");
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<h1>Framtid Test<\/h1>/);
	assert.match(sv.body, /4\u00a0094 invånare \(31 december 2018, källa: SCB\)/);
	assert.ok(sv.body.includes(coordinator.name));
	assert.match(sv.body, /Till 2030 och längre/);
	assert.match(sv.body, /Inspel<\/h3><p class="phase-meta"><span class="phase-state">Avslutad/);
	assert.equal(programme.horizonYear, 2030);

	const switched = await client.get("/language/en?next=/");
	assert.equal(switched.statusCode, 303);
	assert.equal(switched.headers.location, "/");
	const en = await client.get("/");
	assert.match(en.body, /<html lang="en">/);
	assert.match(en.body, /4,094 residents \(31 December 2018, source: SCB\)/);
});

test("the language switch only redirects within the site", async () => {
	const res = await new TestClient(app).get("/language/en?next=//evil.example/");
	assert.equal(res.headers.location, "/");
});
