import assert from "node:assert/strict";
import { test } from "node:test";
import { eq, inArray, or } from "drizzle-orm";
import { clientAs, createOrganisation, createProgramme, createSurvey, createUser, createWorkshop } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { sendMail } from "../mail/index.js";
import * as s from "../../schema.js";

const { app, db, config } = await testApp();
// The installation's one programme: admins of its coordinating organisation are coordinators.
const { programme, coordinator } = await createProgramme(db);

test("my account shows my address, my roles, and lets me change my name", async () => {
	const club = await createOrganisation(db, { name: "Norsjö IF" });
	const user = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	await db.insert(s.memberships).values({ userId: user.id, organisationId: club.id, role: "member" });
	const client = await clientAs(app, db, user.id);

	const page = await client.get("/account");
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Mitt konto<\/h1>/);
	assert.ok(page.body.includes(user.email));
	assert.match(page.body, /<li>Invånare<\/li>/);
	assert.ok(page.body.includes(`Administratör för ${coordinator.name}`));
	assert.match(page.body, /Medlem i Norsjö IF/);
	assert.ok(page.body.includes(`<a href="/aktorer/${club.id}/hantera">Medlem i Norsjö IF</a>`), "each membership leads to the organisation's workspace");
	assert.match(page.body, /Samordnare av framtidsprogrammet/);

	const saved = await client.post("/account", { name: "Anna Andersson" });
	assert.equal(saved.statusCode, 303);
	const account = await client.get("/account");
	assert.equal(flashMessage(account.body), "Ditt namn är sparat.");
	assert.match(account.body, /value="Anna Andersson"/);

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
	const client = await clientAs(app, db, user.id);
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
	const client = await clientAs(app, db, user.id);

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

/** A person with an idea, a comment, a support, a workshop sign-up and a signed-in survey answer; a neighbour comments on their idea. */
async function activePerson() {
	const user = await createUser(db, { name: "Ida Aktiv" });
	const neighbour = await createUser(db, { name: "Nils Granne" });
	const me = await clientAs(app, db, user.id);
	const other = await clientAs(app, db, neighbour.id);
	const idOf = (res: { headers: Record<string, unknown> }) => String(res.headers.location).split("/").pop()!;
	const mine = idOf(await me.post("/ideer/ny", { title: "Badplats vid Storsjön", text: "En brygga och en bastu.", focusAreaId: "" }));
	const theirs = idOf(await other.post("/ideer/ny", { title: "Skoterled till Kusfors", text: "Märk upp leden.", focusAreaId: "" }));
	assert.equal((await other.post(`/ideer/${mine}/kommentarer`, { comment: "Gärna med grillplats" })).statusCode, 303);
	assert.equal((await me.post(`/ideer/${theirs}/kommentarer`, { comment: "Ja, och en rastplats" })).statusCode, 303);
	assert.equal((await me.post(`/ideer/${theirs}/stod`, {})).statusCode, 303);
	const workshop = await createWorkshop(db, programme.id, {
		title: "Framtidsverkstad i Petiknäs",
		registration: "named",
		// A month ahead, so it still takes sign-ups.
		startsAt: new Date(Date.now() + 30 * 86_400_000),
		endsAt: new Date(Date.now() + 30 * 86_400_000 + 3 * 3_600_000),
	});
	assert.equal((await me.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "Ida Aktiv", email: user.email.toUpperCase() })).statusCode, 303);
	const { survey, questions } = await createSurvey(db, programme.id, { title: "Vad tycker du om Norsjöbygden?", anonymous: false, questions: [{ kind: "long_text", text: "Vad är bäst här?" }] });
	const [response] = await db.insert(s.surveyResponses).values({ surveyId: survey.id, userId: user.id, channel: "web", submittedOn: "2018-11-01" }).returning();
	await db.insert(s.surveyAnswers).values({ responseId: response!.id, questionId: questions[0]!.id, text: "Tystnaden och skogen" });
	return { user, me, mine, theirs, workshop, response: response! };
}

test("my data download holds my ideas, comments, supports, workshop sign-ups and signed-in survey answers", async () => {
	const { me } = await activePerson();
	const data = (await me.get("/account/data")).json();
	assert.deepEqual(
		data.ideas.map((i: { title: string; text: string }) => [i.title, i.text]),
		[["Badplats vid Storsjön", "En brygga och en bastu."]],
	);
	assert.deepEqual(
		data.comments.map((c: { idea: string; text: string }) => [c.idea, c.text]),
		[["Skoterled till Kusfors", "Ja, och en rastplats"]],
	);
	assert.deepEqual(
		data.supports.map((x: { idea: string }) => x.idea),
		["Skoterled till Kusfors"],
	);
	assert.deepEqual(
		data.workshopRegistrations.map((r: { workshop: string; name: string }) => [r.workshop, r.name]),
		[["Framtidsverkstad i Petiknäs", "Ida Aktiv"]],
	);
	assert.deepEqual(data.surveyAnswers, [
		{ survey: "Vad tycker du om Norsjöbygden?", submittedOn: "2018-11-01", answers: [{ question: "Vad är bäst här?", answer: "Tystnaden och skogen" }] },
	]);
});

test("deleting my account deletes my ideas and comments with their inputs, forgets my sign-ups and anonymises my survey answers", async () => {
	const { user, me, mine, theirs, workshop, response } = await activePerson();
	const page = await me.get("/account");
	assert.match(page.body, /Vi tar bort dem i stället för att avidentifiera dem/);
	assert.match(page.body, /Dina svar på enkäter där du var inloggad blir anonyma/);
	const comments = await db.select().from(s.ideaComments).where(or(eq(s.ideaComments.ideaId, mine), eq(s.ideaComments.authorId, user.id)));
	const goneIds = [mine, ...comments.map((c) => c.id)];
	const inputsOf = async (ids: string[]) => db.select().from(s.inputs).where(inArray(s.inputs.sourceId, ids));
	assert.equal((await inputsOf(goneIds)).length, 3);

	assert.equal((await me.post("/account/delete", { confirm: "yes" })).statusCode, 303);
	assert.equal((await new TestClient(app).get(`/ideer/${mine}`)).statusCode, 404);
	const theirPage = await new TestClient(app).get(`/ideer/${theirs}`);
	assert.equal(theirPage.statusCode, 200);
	assert.doesNotMatch(theirPage.body, /Ja, och en rastplats/);
	assert.match(theirPage.body, /0 personer stöder idén/);
	assert.equal((await inputsOf(goneIds)).length, 0);
	assert.equal((await inputsOf([theirs])).length, 1);

	const registrations = await db.select().from(s.workshopRegistrations).where(eq(s.workshopRegistrations.workshopId, workshop.id));
	assert.deepEqual(
		registrations.map((r) => [r.name, r.email]),
		[[null, null]],
	);
	const [answered] = await db.select().from(s.surveyResponses).where(eq(s.surveyResponses.id, response.id));
	assert.equal(answered?.userId, null);
	assert.equal((await db.select().from(s.surveyAnswers).where(eq(s.surveyAnswers.responseId, response.id)))[0]?.text, "Tystnaden och skogen");
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, user.id))).length, 0);
});

test("only administrators may manage people", async () => {
	const anonymous = await new TestClient(app).get("/admin/users");
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, "/sign-in?next=%2Fadmin%2Fusers");

	const resident = await clientAs(app, db, (await createUser(db)).id);
	assert.equal((await resident.get("/admin/users")).statusCode, 403);

	const coordinating = await clientAs(app, db, (await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } })).id);
	assert.match((await coordinating.get("/account")).body, /Samordnare av framtidsprogrammet/);
	assert.equal((await coordinating.get("/admin/users")).statusCode, 403);
	const org = await createOrganisation(db);
	const tried = await coordinating.post("/admin/users/memberships", { email: "x@example.se", organisationId: org.id, role: "admin" });
	assert.equal(tried.statusCode, 403);
	assert.equal((await db.select().from(s.users).where(eq(s.users.email, "x@example.se"))).length, 0);
});

test("an administrator gives, changes and removes memberships", async () => {
	const org = await createOrganisation(db, { name: "Kusfors bygdegård" });
	const admin = await clientAs(app, db, (await createUser(db, { isAdministrator: true })).id);
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
	const users = await admin.get("/admin/users");
	assert.equal(flashMessage(users.body), "Personen har nu en roll i organisationen.");
	assert.match(users.body, /Kusfors bygdegård \(administratör\)/);

	assert.equal((await admin.post("/admin/users/memberships/remove", { userId: user.id, organisationId: org.id })).statusCode, 303);
	assert.equal((await db.select().from(s.memberships).where(eq(s.memberships.userId, user.id))).length, 0);
	assert.equal((await admin.post("/admin/users/memberships/remove", { userId: "junk", organisationId: org.id })).statusCode, 404);
});

test("an administrator makes and unmakes administrators, but not themselves", async () => {
	const me = await createUser(db, { isAdministrator: true });
	const other = await createUser(db);
	const admin = await clientAs(app, db, me.id);

	assert.equal((await admin.post("/admin/users/administrator", { userId: other.id, administrator: "yes" })).statusCode, 303);
	assert.equal(flashMessage((await admin.get("/admin/users")).body), "Personen är nu administratör.");
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, other.id)))[0]!.isAdministrator, true);
	assert.equal((await admin.post("/admin/users/administrator", { userId: other.id, administrator: "no" })).statusCode, 303);
	assert.equal(flashMessage((await admin.get("/admin/users")).body), "Personen är inte längre administratör.");
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, other.id)))[0]!.isAdministrator, false);

	const self = await admin.post("/admin/users/administrator", { userId: me.id, administrator: "no" });
	assert.equal(self.statusCode, 409);
	assert.match(self.body, /Det går inte att ta bort din egen administratörsrätt/);
	assert.equal((await db.select().from(s.users).where(eq(s.users.id, me.id)))[0]!.isAdministrator, true);

	const page = await admin.get("/admin/users");
	assert.ok(page.body.includes(`Gör till administratör<span class="visually-hidden"> ${other.email}</span>`));
});
