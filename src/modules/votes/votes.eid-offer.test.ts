// e-ID is offered only where the installation has an identity broker: neither the new-vote form nor the ballot
// leads anyone to a sign-in that cannot work (before, the ballot's e-ID link led to a 404 page).
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAs, createOpenVote, createProgramme, createProposal, createUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const withoutEid = await testApp();
const withEid = await testApp({ eid: { issuer: "https://eid.example.se", clientId: "medskapa", clientSecret: "hemligt", pinClaim: "ssn", scopes: "openid", allowHttp: false } });

for (const [name, { app, db }] of [
	["without", withoutEid],
	["with", withEid],
] as const) {
	const configured = name === "with";
	test(`an installation ${name} e-ID ${configured ? "offers" : "does not offer"} it on the new-vote form and the ballot`, async () => {
		const { programme, coordinator } = await createProgramme(db);
		await createProposal(db, programme.id, { number: 1 });
		const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
		const client = await clientAs(app, db, official.id);

		const form = (await client.get("/admin/votes")).body;
		assert.equal(/Öppen för e-legitimation/.test(form.replace(/<[^>]+>/g, "")), configured, "the e-ID question is on the form");
		assert.equal(form.includes("installationen har ingen e-legitimationstjänst inställd"), !configured);

		const fields = { title: "Omröstning", opensAt: "2030-01-08 00:00", closesAt: "2030-01-20 00:00", maxChoices: "1", blankAllowed: "yes", resultsBeforeClose: "no", advisory: "advisory", minAge: "", chEid: "yes", chCode: "yes", chPaper: "no", chEmail: "no" };
		const created = await client.post("/admin/votes", fields);
		assert.equal(created.statusCode, configured ? 303 : 422);
		if (!configured) assert.match(created.body, /E-legitimation är inte inställd här/);

		const { vote } = await createOpenVote(db, programme.id, { channels: "eid,code" });
		const ballot = (await new TestClient(app).get(`/omrostning/${vote.id}`)).body;
		assert.equal(ballot.includes("Legitimera dig med e-legitimation"), configured);
		assert.equal(ballot.includes("/eid/start"), configured);
	});
}
