// Words a coordinator and a voter read about a vote: no "1 rader", and a closed vote does not say it is going on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAs, createOpenVote, createProgramme, createUser, personalNumber } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

test("one rejected paper row is reported without a broken plural", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "paper" });
	const client = await clientAs(app, db, official.id);
	const res = await client.post(`/admin/votes/${vote.id}/paper`, { csv: "inte ett personnummer;99" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Avvisade rader: 1\. Inget sparades\./);
	assert.doesNotMatch(res.body, /1 rader/);
});

test("a closed vote's page gives its voting period without saying the vote is going on", async () => {
	const { vote } = await createOpenVote(db, programme.id, { opensAt: new Date("2019-01-07T23:00:00Z"), closesAt: new Date("2019-01-20T23:00:00Z") });
	const page = (await new TestClient(app).get(`/omrostning/${vote.id}`)).body;
	assert.match(page, /<dt>Röstningsperiod<\/dt>/);
	assert.doesNotMatch(page, /Omröstningen pågår/);
});

test("the official entering paper is told the person has already voted, never 'Du har redan röstat'", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "paper,eid" });
	const client = await clientAs(app, db, official.id);
	const person = personalNumber("19700707");
	await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${person} 1` });
	const again = await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${person} 2` });
	assert.equal(again.statusCode, 422);
	assert.match(again.body, /Personen har redan röstat i den här omröstningen \(på papper eller på annat sätt\)/);
	assert.doesNotMatch(again.body, /Du har redan röstat/);
});

test("live results of a vote that has closed but is not yet published do not say the vote is going on", async () => {
	const { vote } = await createOpenVote(db, programme.id, { resultsBeforeClose: true, opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 60_000) });
	const page = (await new TestClient(app).get(`/omrostning/${vote.id}/resultat`)).body;
	assert.match(page, /Preliminärt: röstningen har stängt men resultatet är inte publicerat än/);
	assert.doesNotMatch(page, /pågår/);
});
