import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { TestClient, testApp } from "../../test/helpers.js";
import { auditReport } from "../modules/votes/index.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

const voteId = String(((await db.execute(sql`select id from votes limit 1`)) as unknown as { rows: { id: string }[] }).rows[0]!.id);

test("the demo vote is closed and its public results show proposal 5 winning with 41.3 %", async () => {
	const client = new TestClient(app);
	const res = await client.get(`/omrostning/${voteId}/resultat`);
	assert.equal(res.statusCode, 200);
	assert.match(res.body, /Förslag 5, ”Världens bästa vardag”, fick flest röster: 41,3\s%/);
	assert.match(res.body, /Rådgivande/);
	assert.match(res.body, /912 röster av 4\s094 invånare/);
	assert.match(res.body, /<svg role="img" aria-label="Röster per förslag/, "the results as a chart with its name");
	assert.match(res.body, /papperssedel/);
	const json = (await client.get(`/omrostning/${voteId}/resultat.json`)).json();
	assert.equal(json.winner, 5);
	assert.equal(json.ballots, 912);
	assert.equal(json.blank, 12);
	assert.match(json.auditHash, /^[0-9a-f]{64}$/);
	assert.match(res.body, new RegExp(json.auditHash));
	const ballotPage = await client.get(`/omrostning/${voteId}`);
	assert.match(ballotPage.body, /Omröstningen är stängd/);
});

test("the demo vote's audit chain and published totals verify", async () => {
	const report = await auditReport(db, voteId);
	assert.equal(report.ok, true, report.lines.join("\n"));
});
