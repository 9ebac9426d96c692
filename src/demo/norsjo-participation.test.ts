import assert from "node:assert/strict";
import { test } from "node:test";
import { TestClient, testApp } from "../../test/helpers.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

test("with the demo, the participation page shows about 20 % of Norsjöbygden's 4 094 residents", async () => {
	const res = await new TestClient(app).get("/delaktighet");
	assert.equal(res.statusCode, 200);
	const share = /motsvarande ([\d,]+) %/.exec(res.body)?.[1];
	assert.ok(share, "the page states the share");
	const value = Number(share.replace(",", "."));
	assert.ok(value >= 19 && value <= 21, `share ${value} %`);
	assert.match(res.body, /4\s094 invånare/);
});

test("the demo workshops are public, in the villages in autumn 2018, with notes per group", async () => {
	const list = await new TestClient(app).get("/framtidsverkstader");
	for (const village of ["Norsjö", "Bastuträsk", "Kusfors", "Petiknäs"]) assert.match(list.body, new RegExp(`Framtidsverkstad i ${village}`));
	const id = /href="\/framtidsverkstader\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
	const page = await new TestClient(app).get(`/framtidsverkstader/${id}`);
	assert.match(page.body, /Bord 1: Vad är bäst med bygden i dag\?/);
	const ideas = await new TestClient(app).get("/ideer");
	assert.match(ideas.body, /Cykelväg mellan Norsjö och Bastuträsk \(demo\)/);
});
