import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { desc, eq } from "drizzle-orm";
import { clientAs } from "../../test/factories.js";
import { testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { suggestionRuns } from "../modules/synthesis/suggest.schema.js";
import { themes, themeTaggings } from "../modules/synthesis/synthesis.schema.js";
import { demoAnalyst } from "./norsjo-synthesis.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

test("the demo's analyst finds a theme suggested, with its confidence, for each untagged input, and confirms one", async () => {
	const [analyst] = await db.select().from(s.users).where(eq(s.users.email, demoAnalyst.email));
	const client = await clientAs(app, db, analyst!.id);
	const page = (await client.get("/analys/forslag")).body;
	const table = page.slice(page.indexOf("<caption>Förslag för otaggade inspel"));
	const shown = /<caption>Förslag för otaggade inspel, säkrast först \((\d+) visas\)<\/caption>/.exec(table);
	assert.ok(shown && Number(shown[1]) > 0, "guesses are listed");
	assert.match(table, /<th scope="col">Föreslaget tema<\/th><th scope="col">Säkerhet<\/th>/);
	const names = new Set((await db.select({ name: themes.name }).from(themes)).map((t) => t.name));
	const rows = [...table.slice(0, table.indexOf("</table>")).matchAll(/value="([^"]+)"[\s\S]*?<td>[^<]*<\/td><td>([^<]+)<\/td><td>(\d+) %<\/td>/g)];
	assert.equal(rows.length, Number(shown![1]));
	assert.ok(rows.every(([, , theme, percent]) => names.has(theme!) && Number(percent) <= 100), "each row names a demo theme and a confidence");
	const confidences = rows.map(([, , , percent]) => Number(percent));
	assert.deepEqual(confidences, [...confidences].sort((a, b) => b - a), "surest first");

	const [, inputId, theme] = rows[0]!;
	const [run] = await db.select().from(suggestionRuns).where(eq(suggestionRuns.kind, "assist"));
	const body = new URLSearchParams([
		["runId", run!.id],
		["inputIds", inputId!],
	]);
	assert.equal((await client.post("/analys/forslag/assistans/bekrafta", body)).statusCode, 303);
	const tagged = await db.select({ name: themes.name }).from(themeTaggings).innerJoin(themes, eq(themes.id, themeTaggings.themeId)).where(eq(themeTaggings.inputId, inputId!));
	assert.deepEqual(
		tagged.map((t) => t.name),
		[theme],
	);
});

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
