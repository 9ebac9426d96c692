import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { desc, eq } from "drizzle-orm";
import { clientAs } from "../../test/factories.js";
import { testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { suggestionRuns } from "../modules/synthesis/suggest.schema.js";
import { demoAnalyst } from "./norsjo-synthesis.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

test("the demo's analyst starts a suggestion run over Norsjöbygden's inputs and reads the suggested themes", async () => {
	const [analyst] = await db.select().from(s.users).where(eq(s.users.email, demoAnalyst.email));
	const client = await clientAs(app, db, analyst!.id);
	assert.match((await client.get("/analys")).body, /href="\/analys\/forslag"/);
	assert.equal((await client.post("/analys/forslag", { scope: "all", k: "", seed: "1" })).statusCode, 303);
	let run: typeof suggestionRuns.$inferSelect | undefined;
	for (let i = 0; i < 1200 && run?.status !== "done"; i++) {
		[run] = await db.select().from(suggestionRuns).orderBy(desc(suggestionRuns.startedAt)).limit(1);
		if (run?.status === "failed") break;
		await sleep(50);
	}
	assert.equal(run?.status, "done");
	assert.ok(run!.inputCount > 100, `${run!.inputCount} inputs read`);
	const page = await client.get("/analys/forslag");
	assert.match(page.body, /Utmärkande ord/);
	assert.match(page.body, /Godta som tema/);
});
