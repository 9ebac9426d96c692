import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { demoAnalyst } from "./norsjo-synthesis.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

test("the demo's analyst finds a theme per focus area carrying the residents' inputs, and the coverage of them", async () => {
	const [analyst] = await db.select().from(s.users).where(eq(s.users.email, demoAnalyst.email));
	const client = await clientAs(app, db, analyst!.id);
	const workspace = await client.get("/analys");
	assert.equal(workspace.statusCode, 200);
	for (const area of ["Människan i fokus", "En trygg bygd", "En rik och attraktiv fritid"]) {
		const row = new RegExp(`>${area}</a></th><td>[^<]*</td><td>(\\d[\\d\\s]*)</td>`).exec(workspace.body);
		assert.ok(row && Number(row[1]!.replace(/\s/g, "")) > 0, `${area} carries inputs`);
	}
	const coverage = await client.get("/analys/tackning");
	assert.match(coverage.body, /Inspel med tema/);
	assert.match(coverage.body, /Norsjö \d+/);
});

test("every focus area and proposal of the demo shows what residents said, with quotes, and a goal leads back to it", async () => {
	const visitor = new TestClient(app);
	for (const area of await db.select().from(s.focusAreas)) {
		const page = (await visitor.get(`/fokusomraden/${area.id}`)).body;
		assert.match(page, /Bygger på \d[\d\s]* inspel från \d[\d\s]* deltagare\./, `${area.name} shows what it rests on`);
		assert.match(page, /<blockquote>/, `${area.name} quotes residents`);
	}
	for (const proposal of await db.select().from(s.visionProposals)) {
		const page = (await visitor.get(`/vision/forslag/${proposal.id}`)).body;
		assert.match(page, /Bygger på \d[\d\s]* inspel från \d[\d\s]* deltagare\./, `proposal ${proposal.number} shows what it rests on`);
		assert.match(page, /<blockquote>/, `proposal ${proposal.number} quotes residents`);
	}
	const [goal] = await db.select().from(s.goals);
	const goalPage = (await visitor.get(`/mal/${goal!.id}`)).body;
	const back = new RegExp(`href="(/fokusomraden/${goal!.focusAreaId}#trace)"`).exec(goalPage);
	assert.ok(back, "a goal links back to what residents said in its focus area");
	assert.match(goalPage, /Världens bästa vardag/);
});
