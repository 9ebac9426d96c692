// Words a coordinator and a voter read about a vote: no "1 rader", and a closed vote does not say it is going on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAs, createOpenVote, createProgramme, createUser } from "../../../test/factories.js";
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
