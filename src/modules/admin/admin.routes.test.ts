import assert from "node:assert/strict";
import { test } from "node:test";
import { createOrganisation, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { coordinator } = await createProgramme(db);

async function dashboardFor(userId: string) {
	const client = new TestClient(app);
	await signInAs(client, db, userId);
	return client.get("/admin");
}

const link = (href: string, name: string) => new RegExp(`<a href="${href}">${name}</a>`);

test("a coordinator sees the programme's sections but not the installation's", async () => {
	const user = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	const res = await dashboardFor(user.id);
	assert.equal(res.statusCode, 200);
	assert.match(res.body, /<h1>Administration<\/h1>/);
	assert.match(res.body, link("/admin/programme", "Programmet och dess faser"));
	assert.match(res.body, link("/admin/organisations", "Organisationer"));
	assert.match(res.body, link("/admin/focus-areas", "Fokusområden"));
	assert.match(res.body, link("/admin/proposals", "Visionsförslag"));
	assert.doesNotMatch(res.body, /href="\/admin\/users"/);
	assert.doesNotMatch(res.body, /href="\/admin\/outbox"/);
});

test("an administrator also sees people and roles and the outbox", async () => {
	const user = await createUser(db, { isAdministrator: true });
	const res = await dashboardFor(user.id);
	assert.equal(res.statusCode, 200);
	assert.match(res.body, link("/admin/programme", "Programmet och dess faser"));
	assert.match(res.body, link("/admin/users", "Personer och roller"));
	assert.match(res.body, link("/admin/outbox", "Utkorgen \\(skickad e-post\\)"));
});

test("residents and admins of other organisations may not open the administration; anonymous visitors are sent to sign in", async () => {
	const resident = await createUser(db);
	assert.equal((await dashboardFor(resident.id)).statusCode, 403);
	const other = await createOrganisation(db);
	const otherAdmin = await createUser(db, { memberOf: { organisationId: other.id, role: "admin" } });
	assert.equal((await dashboardFor(otherAdmin.id)).statusCode, 403);
	const memberOfCoordinator = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "member" } });
	assert.equal((await dashboardFor(memberOfCoordinator.id)).statusCode, 403);
	const anonymous = await new TestClient(app).get("/admin");
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, "/sign-in?next=%2Fadmin");
});
