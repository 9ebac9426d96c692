import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { TestClient, testApp } from "../../test/helpers.js";
import { auditReport } from "../modules/votes/index.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

const voteIds = ((await db.execute(sql`select id from votes order by created_at`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
/** The 2019 vote on the vision (the oldest); the citizens' budget is open now. */
const [voteId, openVoteId] = voteIds as [string, string];

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

test("the demo's citizens' budget is open now: the start page leads with it and its days left, and its ballot takes letter codes", async () => {
	const client = new TestClient(app);
	const start = await client.get("/");
	assert.match(start.body, new RegExp(`<h3>Medborgarbudget 2027</h3><p class="days-left">1[67] dagar kvar</p>.*?<a class="button" href="/omrostning/${openVoteId}">Rösta</a>`));
	const ballot = await client.get(`/omrostning/${openVoteId}`);
	assert.equal(ballot.statusCode, 200);
	assert.match(ballot.body, /Lekplats vid Norsjö badplats/);
	assert.doesNotMatch(ballot.body, /Omröstningen är stängd/);
	assert.equal((await auditReport(db, openVoteId)).ok, true);
	assert.match((await client.get("/vision")).body, /Publik omröstning om ny vision för Norsjöbygden/, "the vision still names the 2019 vote");
});
