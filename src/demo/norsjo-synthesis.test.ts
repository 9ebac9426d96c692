import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs } from "../../test/factories.js";
import { testApp } from "../../test/helpers.js";
import * as s from "../db/schema.js";
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
