import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createOrganisation, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { sendMail } from "../mail/index.js";
import * as s from "../../db/schema.js";

const { app, db, config } = await testApp();
// The installation's one programme: admins of its coordinating organisation are coordinators.
const { coordinator } = await createProgramme(db);

async function clientFor(userId: string): Promise<TestClient> {
	const client = new TestClient(app);
	await signInAs(client, db, userId);
	return client;
}

test("my account shows my address, my roles, and lets me change my name", async () => {
	const club = await createOrganisation(db, { name: "Norsjö IF" });
	const user = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	await db.insert(s.memberships).values({ userId: user.id, organisationId: club.id, role: "member" });
	const client = await clientFor(user.id);

	const page = await client.get("/account");
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Mitt konto<\/h1>/);
	assert.ok(page.body.includes(user.email));
	assert.match(page.body, /<li>Invånare<\/li>/);
	assert.ok(page.body.includes(`Administratör för ${coordinator.name}`));
	assert.match(page.body, /Medlem i Norsjö IF/);
	assert.match(page.body, /Samordnare av framtidsprogrammet/);

	const saved = await client.post("/account", { name: "Anna Andersson" });
	assert.equal(saved.statusCode, 303);
	assert.match((await client.get("/account")).body, /value="Anna Andersson"/);

	const tooLong = await client.post("/account", { name: "x".repeat(201) });
	assert.equal(tooLong.statusCode, 422);
	assert.match(tooLong.body, /Texten får vara högst 200 tecken\./);
});

test("my account needs a signed-in person", async () => {
	const res = await new TestClient(app).get("/account");
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/sign-in?next=%2Faccount");
	assert.equal((await new TestClient(app).get("/account/data")).statusCode, 303);
});

test("I can download my data, without session hashes", async () => {
	const org = await createOrganisation(db, { name: "Bastuträsk byaförening" });
	const user = await createUser(db, { name: "Bo", memberOf: { organisationId: org.id, role: "member" } });
	const client = await clientFor(user.id);
	const res = await client.get("/account/data");
	assert.equal(res.statusCode, 200);
	assert.match(String(res.headers["content-type"]), /^application\/json/);
	assert.match(String(res.headers["content-disposition"]), /attachment; filename="medskapa-my-data.json"/);
	const data = res.json();
	assert.equal(data.user.email, user.email);
	assert.equal(data.user.name, "Bo");
	assert.deepEqual(
		data.memberships.map((m: { organisationName: string; role: string }) => [m.organisationName, m.role]),
		[["Bastuträsk byaförening", "member"]],
	);
	assert.ok(!/tokenHash|token_hash|codeHash/.test(res.body));
});

test("deleting my account needs the confirm box, then removes everything and signs me out", async () => {
	const org = await createOrganisation(db);
	const user = await createUser(db, { memberOf: { organisationId: org.id, role: "admin" } });
	await sendMail(db, config, { to: user.email, subject: "Hej", body: "Hej" });
	const client = await clientFor(user.id);

	const unconfirmed = await client.post("/account/delete", {});
	assert.equal(unconfirmed.statusCode, 422);
	assert.match(unconfirmed.body, /Kryssa i rutan för att bekräfta/);
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, user.id))).length, 1);

	const res = await client.post("/account/delete", { confirm: "yes" });
	assert.equal(res.statusCode, 303);
	assert.equal(client.cookies.has("medskapa_session"), false);
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, user.id))).length, 0);
	assert.equal((await db.select().from(s.memberships).where(eq(s.memberships.userId, user.id))).length, 0);
	assert.equal((await db.select().from(s.sessions).where(eq(s.sessions.userId, user.id))).length, 0);
	assert.equal((await db.select().from(s.outbox).where(eq(s.outbox.recipient, user.email))).length, 0);
	assert.equal((await client.get("/account")).statusCode, 303);
});

test("only administrators may manage people", async () => {
	const anonymous = await new TestClient(app).get("/admin/users");
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, "/sign-in?next=%2Fadmin%2Fusers");

	const resident = await clientFor((await createUser(db)).id);
	assert.equal((await resident.get("/admin/users")).statusCode, 403);

	const coordinating = await clientFor((await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } })).id);
	assert.match((await coordinating.get("/account")).body, /Samordnare av framtidsprogrammet/);
	assert.equal((await coordinating.get("/admin/users")).statusCode, 403);
	const org = await createOrganisation(db);
	const tried = await coordinating.post("/admin/users/memberships", { email: "x@example.se", organisationId: org.id, role: "admin" });
	assert.equal(tried.statusCode, 403);
	assert.equal((await db.select().from(s.users).where(eq(s.users.email, "x@example.se"))).length, 0);
});

test("an administrator gives, changes and removes memberships", async () => {
	const org = await createOrganisation(db, { name: "Kusfors bygdegård" });
	const admin = await clientFor((await createUser(db, { isAdministrator: true })).id);
	const email = `new-${Date.now()}@example.se`;

	const page = await admin.get("/admin/users");
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Personer och roller<\/h1>/);
	assert.match(page.body, /<option value="[^"]+">Kusfors bygdegård<\/option>/);

	const bad = await admin.post("/admin/users/memberships", { email: "nope", organisationId: org.id, role: "member" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /value="nope"/);
	const unknownOrg = await admin.post("/admin/users/memberships", { email, organisationId: "00000000-0000-4000-8000-000000000000", role: "member" });
	assert.equal(unknownOrg.statusCode, 422);
	assert.match(unknownOrg.body, /Organisationen finns inte\./);

	assert.equal((await admin.post("/admin/users/memberships", { email, organisationId: org.id, role: "member" })).statusCode, 303);
	assert.equal((await admin.post("/admin/users/memberships", { email: email.toUpperCase(), organisationId: org.id, role: "admin" })).statusCode, 303);
	const [user] = await db.select().from(s.users).where(eq(s.users.email, email));
	assert.ok(user, "the person was created");
	const rows = await db.select().from(s.memberships).where(eq(s.memberships.userId, user.id));
	assert.deepEqual(
		rows.map((m) => m.role),
		["admin"],
	);
	assert.match((await admin.get("/admin/users")).body, /Kusfors bygdegård \(administratör\)/);

	assert.equal((await admin.post("/admin/users/memberships/remove", { userId: user.id, organisationId: org.id })).statusCode, 303);
	assert.equal((await db.select().from(s.memberships).where(eq(s.memberships.userId, user.id))).length, 0);
	assert.equal((await admin.post("/admin/users/memberships/remove", { userId: "junk", organisationId: org.id })).statusCode, 404);
});

test("an administrator makes and unmakes administrators, but not themselves", async () => {
	const me = await createUser(db, { isAdministrator: true });
	const other = await createUser(db);
	const admin = await clientFor(me.id);

	assert.equal((await admin.post("/admin/users/administrator", { userId: other.id, administrator: "yes" })).statusCode, 303);
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, other.id)))[0]!.isAdministrator, true);
	assert.equal((await admin.post("/admin/users/administrator", { userId: other.id, administrator: "no" })).statusCode, 303);
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, other.id)))[0]!.isAdministrator, false);

	const self = await admin.post("/admin/users/administrator", { userId: me.id, administrator: "no" });
	assert.equal(self.statusCode, 409);
	assert.match(self.body, /Det går inte att ta bort din egen administratörsrätt/);
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, me.id)))[0]!.isAdministrator, true);

	const page = await admin.get("/admin/users");
	assert.ok(page.body.includes(`Gör till administratör<span class="visually-hidden"> ${other.email}</span>`));
});
