import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createFocusArea, createOrganisation, createProgramme, createUser, lastMailSentTo, lastMailTo, signedInUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);

type Role = "member" | "admin";

/** An organisation with one admin (signed in) and, when asked, more members. */
async function organisationWithAdmin(name = `Förening ${randomUUID().slice(0, 6)}`) {
	const org = await createOrganisation(db, { name });
	const admin = await signedInUser(app, db, { name: "Anna Admin", memberOf: { organisationId: org.id, role: "admin" } });
	return { org, admin };
}

async function membership(orgId: string, userId: string) {
	const [row] = await db.select().from(s.memberships).where(and(eq(s.memberships.organisationId, orgId), eq(s.memberships.userId, userId)));
	return row;
}

function linkIn(body: string | undefined): string {
	const path = /\/inbjudan\/[\w-]+/.exec(body ?? "")?.[0];
	if (!path) throw new Error("no invitation link in the mail");
	return path;
}

async function invite(client: TestClient, orgId: string, email: string, role: Role = "member"): Promise<string> {
	const res = await client.post(`/aktorer/${orgId}/inbjudningar`, { email, role });
	assert.equal(res.statusCode, 303, `invitation to ${email}`);
	return linkIn(lastMailSentTo(email.toLowerCase())?.body);
}

test("an admin invites a person by e-mail; the person signs in with that address and becomes a member", async () => {
	const { org, admin } = await organisationWithAdmin("Byalaget");
	const page = await admin.client.get(`/aktorer/${org.id}/hantera`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Hantera Byalaget<\/h1>/);
	assert.ok(page.body.includes(`href="/aktorer/${org.id}/mal/ny"`), "links to setting a goal");
	assert.ok(page.body.includes(`href="/aktorer/${org.id}/samarbeten"`), "links to the collaboration inbox");

	const link = await invite(admin.client, org.id, "Ny.Medlem@Example.se", "admin");
	const [stored] = await db.select().from(s.organisationInvitations).where(eq(s.organisationInvitations.organisationId, org.id));
	assert.equal(stored?.email, "ny.medlem@example.se");
	assert.ok(!stored?.tokenHash.includes(link.split("/").pop()!), "only a hash of the token is stored");
	const days = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 86_400_000;
	assert.ok(Math.abs(days - 14) < 0.01, "valid for 14 days");
	const mail = lastMailSentTo("ny.medlem@example.se");
	assert.match(mail?.subject ?? "", /Inbjudan till Byalaget/);
	assert.match(mail?.body ?? "", /Anna Admin har bjudit in dig som administratör i Byalaget/);
	const kept = await lastMailTo(db, "ny.medlem@example.se");
	assert.ok(!kept?.body.includes(link), "the outbox, which administrators read, holds no invitation link");
	const after = await admin.client.get(`/aktorer/${org.id}/hantera`);
	assert.match(after.body, /Inbjudan är skickad\./);
	assert.match(after.body, /ny\.medlem@example\.se \(Administratör/);

	const anonymous = await new TestClient(app).get(link);
	assert.equal(anonymous.statusCode, 200);
	const anonymousAccept = await new TestClient(app).post(link, {});
	assert.equal(anonymousAccept.statusCode, 303, "accepting needs signing in first");
	assert.equal(anonymousAccept.headers.location, `/sign-in?next=${encodeURIComponent(link)}`);
	assert.match(anonymous.body, /<h1>Inbjudan till Byalaget<\/h1>/);
	assert.ok(anonymous.body.includes(`href="/sign-in?next=${encodeURIComponent(link)}"`));

	const invitee = await signedInUser(app, db, { email: "ny.medlem@example.se" });
	const open = await invitee.client.get(link);
	assert.match(open.body, /<button type="submit">Gå med i Byalaget<\/button>/);
	const accepted = await invitee.client.post(link, {});
	assert.equal(accepted.statusCode, 303);
	assert.equal(accepted.headers.location, `/aktorer/${org.id}/hantera`);
	assert.equal((await membership(org.id, invitee.user.id))?.role, "admin");
	assert.match((await invitee.client.get(`/aktorer/${org.id}/hantera`)).body, /Välkommen! Du är nu medlem i organisationen\./);

	const reused = await invitee.client.post(link, {});
	assert.equal(reused.statusCode, 410);
	assert.match(reused.body, /Inbjudan är redan använd\./);
	assert.equal((await new TestClient(app).get(link)).statusCode, 410);
});

test("an invitation opened with another address, expired, unknown or revoked gets a clear message and adds nobody", async () => {
	const { org, admin } = await organisationWithAdmin("Hembygdsföreningen");
	const link = await invite(admin.client, org.id, "ratt@example.se");

	const wrong = await signedInUser(app, db, { email: "fel@example.se" });
	const page = await wrong.client.get(link);
	assert.match(page.body, /Du är inloggad som fel@example\.se, men inbjudan skickades till en annan e-postadress\./);
	assert.doesNotMatch(page.body, /ratt@example\.se/, "the invited address is not shown to someone else");
	const refused = await wrong.client.post(link, {});
	assert.equal(refused.statusCode, 403);
	assert.equal(await membership(org.id, wrong.user.id), undefined);

	await db.update(s.organisationInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(s.organisationInvitations.organisationId, org.id));
	const right = await signedInUser(app, db, { email: "ratt@example.se" });
	const expired = await right.client.post(link, {});
	assert.equal(expired.statusCode, 410);
	assert.match(expired.body, /Inbjudan har gått ut\. Be organisationens administratör att skicka en ny\./);
	assert.equal(await membership(org.id, right.user.id), undefined);
	assert.match((await admin.client.get(`/aktorer/${org.id}/hantera`)).body, /har gått ut/);

	for (const token of ["x".repeat(43), "kort", "%27--"]) {
		const unknown = await right.client.get(`/inbjudan/${token}`);
		assert.equal(unknown.statusCode, 404, token);
		assert.match(unknown.body, /Vi hittar ingen inbjudan med den länken\./);
	}

	const second = await invite(admin.client, org.id, "angrad@example.se");
	const [open] = await db
		.select()
		.from(s.organisationInvitations)
		.where(and(eq(s.organisationInvitations.organisationId, org.id), eq(s.organisationInvitations.email, "angrad@example.se")));
	const revoked = await admin.client.post(`/aktorer/${org.id}/inbjudningar/${open!.id}/aterkalla`, {});
	assert.equal(revoked.statusCode, 303);
	assert.match((await admin.client.get(`/aktorer/${org.id}/hantera`)).body, /Inbjudan är återkallad\./);
	const ghost = await signedInUser(app, db, { email: "angrad@example.se" });
	assert.equal((await ghost.client.post(second, {})).statusCode, 404);
	assert.equal((await admin.client.post(`/aktorer/${org.id}/inbjudningar/${open!.id}/aterkalla`, {})).statusCode, 404, "already revoked");
	assert.equal((await admin.client.post(`/aktorer/${org.id}/inbjudningar/nope/aterkalla`, {})).statusCode, 404);
});

test("bad invitation input is shown with its message and keeps what was typed; members cannot be invited twice", async () => {
	const { org, admin } = await organisationWithAdmin();
	const member = await createUser(db, { memberOf: { organisationId: org.id, role: "member" } });
	const bad = await admin.client.post(`/aktorer/${org.id}/inbjudningar`, { email: "inte en adress", role: "admin" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /E-postadress: Skriv en e-postadress/);
	assert.match(bad.body, /value="inte en adress"/);
	assert.match(bad.body, /<option value="admin" selected>Administratör<\/option>/);
	const badRole = await admin.client.post(`/aktorer/${org.id}/inbjudningar`, { email: "ok@example.se", role: "owner" });
	assert.equal(badRole.statusCode, 422);
	assert.match(badRole.body, /Roll: Välj ett av alternativen\./);
	const twice = await admin.client.post(`/aktorer/${org.id}/inbjudningar`, { email: member.email.toUpperCase(), role: "member" });
	assert.equal(twice.statusCode, 422);
	assert.match(twice.body, /Personen är redan medlem i organisationen\./);
	assert.equal((await db.select().from(s.organisationInvitations).where(eq(s.organisationInvitations.organisationId, org.id))).length, 0);
});

test("admins change roles and remove members, but the last admin can be neither demoted nor removed", async () => {
	const { org, admin } = await organisationWithAdmin();
	const member = await createUser(db, { name: "Maja Medlem", memberOf: { organisationId: org.id, role: "member" } });

	const demoteLast = await admin.client.post(`/aktorer/${org.id}/medlemmar/${admin.user.id}/roll`, { role: "member" });
	assert.equal(demoteLast.statusCode, 409);
	assert.match(demoteLast.body, /Organisationen måste ha minst en administratör\./);
	const removeLast = await admin.client.post(`/aktorer/${org.id}/medlemmar/${admin.user.id}/ta-bort`, {});
	assert.equal(removeLast.statusCode, 409);
	assert.equal((await membership(org.id, admin.user.id))?.role, "admin");

	assert.equal((await admin.client.post(`/aktorer/${org.id}/medlemmar/${member.id}/roll`, { role: "admin" })).statusCode, 303);
	assert.equal(flashMessage((await admin.client.get(`/aktorer/${org.id}/hantera`)).body), "Personens roll i organisationen är ändrad.");
	assert.equal((await membership(org.id, member.id))?.role, "admin");
	assert.equal((await admin.client.post(`/aktorer/${org.id}/medlemmar/${admin.user.id}/roll`, { role: "member" })).statusCode, 303, "another admin remains");
	assert.equal((await membership(org.id, admin.user.id))?.role, "member");

	const majaClient = new TestClient(app);
	await signInAs(majaClient, db, member.id);
	const left = await majaClient.post(`/aktorer/${org.id}/medlemmar/${admin.user.id}/ta-bort`, {});
	assert.equal(left.statusCode, 303);
	assert.equal(await membership(org.id, admin.user.id), undefined);
	const self = await majaClient.post(`/aktorer/${org.id}/medlemmar/${member.id}/ta-bort`, {});
	assert.equal(self.statusCode, 409, "the last admin cannot leave either");

	for (const userId of [randomUUID(), "nope"]) {
		assert.equal((await majaClient.post(`/aktorer/${org.id}/medlemmar/${userId}/roll`, { role: "admin" })).statusCode, 404);
		assert.equal((await majaClient.post(`/aktorer/${org.id}/medlemmar/${userId}/ta-bort`, {})).statusCode, 404);
	}
	const badRole = await majaClient.post(`/aktorer/${org.id}/medlemmar/${member.id}/roll`, { role: "king" });
	assert.equal(badRole.statusCode, 422);
});

test("an admin chooses the organisation's focus areas, which show on its profile and the areas' pages", async () => {
	const { org, admin } = await organisationWithAdmin("Fritidsgården");
	const first = await createFocusArea(db, programme.id, { name: "Fritid", position: 1 });
	const second = await createFocusArea(db, programme.id, { name: "Trygghet", position: 2 });
	const third = await createFocusArea(db, programme.id, { name: "Miljö", position: 3, organisationIds: [org.id] });

	const body = new URLSearchParams({ _csrf: await admin.client.csrfToken() });
	body.append("focusAreas", first.id);
	body.append("focusAreas", second.id);
	const res = await admin.client.post(`/aktorer/${org.id}/fokusomraden`, body);
	assert.equal(res.statusCode, 303);
	const chosen = await db.select().from(s.focusAreaActors).where(eq(s.focusAreaActors.organisationId, org.id));
	assert.deepEqual(chosen.map((r) => r.focusAreaId).sort(), [first.id, second.id].sort());
	const workspace = await admin.client.get(`/aktorer/${org.id}/hantera`);
	assert.equal(flashMessage(workspace.body), "Organisationens fokusområden är sparade.");
	assert.match(workspace.body, new RegExp(`value="${first.id}" checked`));
	assert.doesNotMatch(workspace.body, new RegExp(`value="${third.id}" checked`));
	const profile = await new TestClient(app).get(`/aktorer/${org.id}`);
	assert.ok(profile.body.indexOf(">Fritid</a>") < profile.body.indexOf(">Trygghet</a>"));
	assert.ok((await new TestClient(app).get(`/fokusomraden/${first.id}`)).body.includes(`<a href="/aktorer/${org.id}">Fritidsgården</a>`));

	const bad = new URLSearchParams({ _csrf: await admin.client.csrfToken() });
	bad.append("focusAreas", randomUUID());
	const refused = await admin.client.post(`/aktorer/${org.id}/fokusomraden`, bad);
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Välj bland programmets fokusområden\./);
	assert.equal((await db.select().from(s.focusAreaActors).where(eq(s.focusAreaActors.organisationId, org.id))).length, 2);

	const none = await admin.client.post(`/aktorer/${org.id}/fokusomraden`, new URLSearchParams({ _csrf: await admin.client.csrfToken() }));
	assert.equal(none.statusCode, 303);
	assert.equal((await db.select().from(s.focusAreaActors).where(eq(s.focusAreaActors.organisationId, org.id))).length, 0);
});

test("the contact form mails the contact person (or the admins), shows no recipient address and is rate-limited", async () => {
	const { org, admin } = await organisationWithAdmin("Kontaktföreningen");
	const contact = await createUser(db, { email: "kontakt.person@example.se", memberOf: { organisationId: org.id, role: "member" } });
	const sender = await signedInUser(app, db, { name: "Ivar Invånare", email: "ivar@example.se" });

	// No contact person chosen yet: the admins receive it.
	const first = await sender.client.post(`/aktorer/${org.id}/kontakt`, { subject: "Skidspår", message: "Hej! Kan vi hjälpa till?" });
	assert.equal(first.statusCode, 303);
	assert.equal(first.headers.location, `/aktorer/${org.id}`);
	const toAdmin = await lastMailTo(db, admin.user.email);
	assert.match(toAdmin?.subject ?? "", /Meddelande via Medskapa: Skidspår/);
	assert.match(toAdmin?.body ?? "", /Ivar Invånare <ivar@example\.se> har skrivit till Kontaktföreningen/);
	assert.match(toAdmin?.body ?? "", /Svara direkt till avsändaren: ivar@example\.se/);

	const chose = await admin.client.post(`/aktorer/${org.id}/kontaktperson`, { userId: contact.id });
	assert.equal(chose.statusCode, 303);
	assert.equal((await membership(org.id, contact.id))?.isContact, true);
	const notMember = await admin.client.post(`/aktorer/${org.id}/kontaktperson`, { userId: sender.user.id });
	assert.equal(notMember.statusCode, 422);
	assert.match(notMember.body, /Välj en av organisationens medlemmar\./);
	assert.equal((await membership(org.id, contact.id))?.isContact, true, "the contact person stays");

	const form = await sender.client.get(`/aktorer/${org.id}/kontakt`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /Din e-postadress \(ivar@example\.se\) skickas med till mottagaren/);
	assert.match(form.body, /Högst 150 tecken\./);
	assert.match(form.body, /Högst 3\s000 tecken\./);
	const second = await sender.client.post(`/aktorer/${org.id}/kontakt`, { subject: "Igen", message: "Ett till meddelande." });
	assert.equal(second.statusCode, 303);
	assert.match((await lastMailTo(db, "kontakt.person@example.se"))?.subject ?? "", /Igen/);

	const pages = [
		await sender.client.get(`/aktorer/${org.id}`),
		await sender.client.get(`/aktorer/${org.id}/kontakt`),
		await new TestClient(app).get(`/aktorer/${org.id}`),
		await new TestClient(app).get("/aktorer"),
		await new TestClient(app).get(`/api/v1/organisations/${org.id}`),
	];
	for (const page of pages) {
		assert.doesNotMatch(page.body, /kontakt\.person@example\.se/);
		assert.ok(!page.body.includes(admin.user.email));
	}

	const tooLong = await sender.client.post(`/aktorer/${org.id}/kontakt`, { subject: "Långt", message: "x".repeat(3001) });
	assert.equal(tooLong.statusCode, 422);
	assert.match(tooLong.body, /Texten får vara högst 3000 tecken\./);
	assert.match(tooLong.body, /value="Långt"/);
	for (let i = 0; i < 3; i++) assert.equal((await sender.client.post(`/aktorer/${org.id}/kontakt`, { subject: `Nr ${i}`, message: "Hej" })).statusCode, 303);
	const limited = await sender.client.post(`/aktorer/${org.id}/kontakt`, { subject: "För många", message: "Behålls" });
	assert.equal(limited.statusCode, 429);
	// The hourly limit says from when one may write again, within the hour.
	assert.match(limited.body, /Du har skickat många meddelanden den senaste timmen\. Du kan skicka igen från \d+ \w+ \d{4} kl\. \d\d:\d\d;/);
	assert.match(limited.body, />Behålls<\/textarea>/);

	const anonymous = await new TestClient(app).get(`/aktorer/${org.id}/kontakt`);
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, `/sign-in?next=${encodeURIComponent(`/aktorer/${org.id}/kontakt`)}`);
	const mailsBefore = (await db.select().from(s.outbox)).length;
	assert.equal((await new TestClient(app).post(`/aktorer/${org.id}/kontakt`, { subject: "Anonymt", message: "Hej" })).statusCode, 303);
	assert.equal((await db.select().from(s.outbox)).length, mailsBefore, "an anonymous message is not sent");
	const nobody = await createOrganisation(db, { name: "Utan medlemmar" });
	assert.match((await new TestClient(app).get(`/aktorer/${nobody.id}`)).body, /Organisationen har ingen kontaktperson i Medskapa ännu\./);
	const unreachable = await sender.client.post(`/aktorer/${nobody.id}/kontakt`, { subject: "Hej", message: "Hej" });
	assert.equal(unreachable.statusCode, 409);
});

test("every write in the workspace is refused to everyone but the organisation's own admins", async () => {
	const { org, admin } = await organisationWithAdmin();
	const area = await createFocusArea(db, programme.id);
	const member = await signedInUser(app, db, { memberOf: { organisationId: org.id, role: "member" } });
	const coordinatorAdmin = await signedInUser(app, db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	const clients = {
		anonymous: new TestClient(app),
		resident: (await signedInUser(app, db)).client,
		member: member.client,
		coordinator: coordinatorAdmin.client,
		administrator: (await signedInUser(app, db, { isAdministrator: true })).client,
	};
	await invite(admin.client, org.id, "vantar@example.se");
	const [invitation] = await db.select().from(s.organisationInvitations).where(eq(s.organisationInvitations.organisationId, org.id));
	const writes: [string, Record<string, string>][] = [
		[`/aktorer/${org.id}/inbjudningar`, { email: "otillaten@example.se", role: "admin" }],
		[`/aktorer/${org.id}/inbjudningar/${invitation!.id}/aterkalla`, {}],
		[`/aktorer/${org.id}/medlemmar/${member.user.id}/roll`, { role: "admin" }],
		[`/aktorer/${org.id}/medlemmar/${admin.user.id}/ta-bort`, {}],
		[`/aktorer/${org.id}/kontaktperson`, { userId: member.user.id }],
		[`/aktorer/${org.id}/fokusomraden`, { focusAreas: area.id }],
	];
	for (const [who, client] of Object.entries(clients)) {
		for (const [url, form] of writes) {
			const res = await client.post(url, form);
			assert.equal(res.statusCode, who === "anonymous" ? 303 : 403, `${who} ${url}`);
		}
		const page = await client.get(`/aktorer/${org.id}/hantera`);
		assert.equal(page.statusCode, who === "anonymous" ? 303 : who === "member" ? 200 : 403, `${who} sees the workspace`);
	}
	assert.equal((await lastMailTo(db, "otillaten@example.se")), undefined);
	assert.equal((await membership(org.id, member.user.id))?.role, "member");
	assert.equal((await membership(org.id, member.user.id))?.isContact, false);
	assert.ok(await membership(org.id, admin.user.id));
	assert.equal((await db.select().from(s.organisationInvitations).where(eq(s.organisationInvitations.organisationId, org.id))).length, 1);
	assert.equal((await db.select().from(s.focusAreaActors).where(eq(s.focusAreaActors.organisationId, org.id))).length, 0);

	const memberView = await member.client.get(`/aktorer/${org.id}/hantera`);
	assert.doesNotMatch(memberView.body, /Bjud in medlemmar/, "members see no invitation form");
	assert.doesNotMatch(memberView.body, /vantar@example\.se/);
	assert.equal((await admin.client.get(`/aktorer/${randomUUID()}/hantera`)).statusCode, 404);
	assert.equal((await admin.client.get("/aktorer/nope/hantera")).statusCode, 404);
});

