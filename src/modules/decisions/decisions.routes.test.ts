import assert from "node:assert/strict";
import { test } from "node:test";
import { TestClient, testApp } from "../../../test/helpers.js";
import { focusAreas as demoAreas } from "../../demo/norsjo.js";
import { seedDemo } from "../../demo/seed.js";

const { app, db } = await testApp();

test("without a programme the actors page, the focus areas and the adoptions are not found", async () => {
	const client = new TestClient(app);
	assert.equal((await client.get("/aktorer")).statusCode, 404);
	assert.equal((await client.get("/fokusomraden")).statusCode, 404);
	assert.equal((await client.get("/api/v1/adoptions")).statusCode, 404);
});

test("the Norsjö demo: the municipality stands behind the vision and works in all six focus areas", async () => {
	await seedDemo(db);
	const client = new TestClient(app);

	const actors = await client.get("/aktorer");
	assert.equal(actors.statusCode, 200);
	assert.match(actors.body, /Norsjö kommun<\/a><\/th><td><time datetime="2019-02-04">4 februari 2019<\/time><\/td><td>Kommunfullmäktige<\/td><td>KS-18\/01483<\/td>/);
	assert.match(actors.body, new RegExp(`Fokusområden: ${demoAreas.map((a) => a.name).join(", ")}`));

	const areas = await client.get("/fokusomraden");
	let at = 0;
	for (const area of demoAreas) {
		const next = areas.body.indexOf(`>${area.name}</a></h2>`, at);
		assert.ok(next > at, `${area.name} in order`);
		at = next;
	}
	assert.equal(areas.body.match(/1 organisation arbetar inom området: Norsjö kommun/g)?.length, 6);

	const api = await client.get("/api/v1/adoptions");
	assert.equal(api.statusCode, 200);
	const [adoption, ...rest] = api.json() as { organisation: { name: string }; decidedOn: string; body: string; reference: string }[];
	assert.equal(rest.length, 0);
	assert.deepEqual(
		{ organisation: adoption?.organisation.name, decidedOn: adoption?.decidedOn, body: adoption?.body, reference: adoption?.reference },
		{ organisation: "Norsjö kommun", decidedOn: "2019-02-04", body: "Kommunfullmäktige", reference: "KS-18/01483" },
	);
});
