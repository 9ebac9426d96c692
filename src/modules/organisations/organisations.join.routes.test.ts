import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createFocusArea, createOrganisation, createProgramme, createUser, lastMailTo, orgNumber, signedInUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

async function organisationNamed(name: string) {
	const [row] = await db.select().from(s.organisations).where(eq(s.organisations.name, name));
	return row;
}

const joinForm = (name: string, extra: Record<string, string> = {}) => ({
	name,
	type: "association",
	orgNumber: orgNumber(),
	description: "Vi ordnar skidspår.",
	website: "https://skid.example.se",
	reason: "Vi vill bidra till en rik fritid.",
	...extra,
});

test("a person registers an organisation, which waits for the coordinator; the coordinator approves it and it becomes public", async () => {
	const { client, user } = await signedInUser(app, db, { name: "Sara Skidåkare" });
	const form = await client.get("/aktorer/anslut");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Anslut en organisation<\/h1>/);
	assert.match(form.body, /Varför vill ni delta\?/);
	assert.match(form.body, /Skickas till samordnaren och publiceras inte/);
	const typeSelect = /<select id="field-type"[^>]*>(.*?)<\/select>/s.exec(form.body)?.[1] ?? "";
	assert.match(typeSelect, /^<option value(?:="")? selected>Välj …<\/option>/, "no type is chosen for the person (it used to start on Kommun)");
	assert.doesNotMatch(typeSelect, /value="municipality" selected/);

	const res = await client.post("/aktorer/anslut", joinForm("Skidklubben Norrsken"));
	assert.equal(res.statusCode, 303);
	const org = await organisationNamed("Skidklubben Norrsken");
	assert.equal(org?.status, "pending");
	assert.equal(res.headers.location, `/aktorer/${org!.id}/hantera`);
	const [membership] = await db.select().from(s.memberships).where(eq(s.memberships.organisationId, org!.id));
	assert.deepEqual({ userId: membership?.userId, role: membership?.role, isContact: membership?.isContact }, { userId: user.id, role: "admin", isContact: true });

	const mail = await lastMailTo(db, coordinatorAdmin.email);
	assert.match(mail?.subject ?? "", /Ny aktör vill ansluta: Skidklubben Norrsken/);
	assert.match(mail?.body ?? "", /Vi vill bidra till en rik fritid\./);
	assert.match(mail?.body ?? "", /\/admin\/organisations/);

	const workspace = await client.get(`/aktorer/${org!.id}/hantera`);
	assert.match(workspace.body, /Tack! Organisationen är registrerad och väntar på att samordnaren godkänner den\./);
	assert.match(workspace.body, /<h1>Hantera Skidklubben Norrsken<\/h1>/);

	// Pending: its members see it, nobody else does.
	assert.equal((await client.get(`/aktorer/${org!.id}`)).statusCode, 200);
	assert.match((await client.get(`/aktorer/${org!.id}`)).body, /väntar på att samordnaren godkänner den/);
	const visitor = new TestClient(app);
	assert.equal((await visitor.get(`/aktorer/${org!.id}`)).statusCode, 404);
	assert.equal((await visitor.get(`/api/v1/organisations/${org!.id}`)).statusCode, 404);
	assert.doesNotMatch((await visitor.get("/aktorer")).body, /Skidklubben Norrsken/);
	assert.ok(!((await visitor.get("/api/v1/organisations")).json() as { id: string }[]).some((o) => o.id === org!.id));

	const coordinatorClient = new TestClient(app);
	await signInAs(coordinatorClient, db, coordinatorAdmin.id);
	const list = await coordinatorClient.get("/admin/organisations");
	const pendingAt = list.body.indexOf("Skidklubben Norrsken");
	assert.ok(pendingAt > 0 && pendingAt < list.body.indexOf(coordinator.name), "pending organisations are listed first");
	assert.match(list.body, /Väntar på godkännande/);
	assert.match(list.body, /aria-label="Godkänn Skidklubben Norrsken"/);

	const approved = await coordinatorClient.post(`/admin/organisations/${org!.id}/approve`, {});
	assert.equal(approved.statusCode, 303);
	assert.equal((await organisationNamed("Skidklubben Norrsken"))?.status, "active");
	assert.match((await coordinatorClient.get("/admin/organisations")).body, /Organisationen är godkänd och visas nu för alla\./);
	const told = await lastMailTo(db, user.email);
	assert.match(told?.subject ?? "", /Skidklubben Norrsken är godkänd/);
	assert.ok(told?.body.includes(`/aktorer/${org!.id}/hantera`));

	assert.equal((await visitor.get(`/aktorer/${org!.id}`)).statusCode, 200);
	assert.match((await visitor.get("/aktorer")).body, /Skidklubben Norrsken/);
});

test("the coordinator declines a pending organisation: it is removed and its admin is told", async () => {
	const { client, user } = await signedInUser(app, db);
	await client.post("/aktorer/anslut", joinForm("Avslagna föreningen"));
	const org = await organisationNamed("Avslagna föreningen");
	const coordinatorClient = new TestClient(app);
	await signInAs(coordinatorClient, db, coordinatorAdmin.id);

	const list = await coordinatorClient.get("/admin/organisations");
	assert.ok(list.body.includes(`<a href="/admin/organisations/${org!.id}/decline" aria-label="Avslå Avslagna föreningen">Avslå</a>`));
	const form = await coordinatorClient.get(`/admin/organisations/${org!.id}/decline`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Avslå Avslagna föreningen<\/h1>/);
	assert.match(form.body, /Motivering<span class="field-need"> \(valfritt\)/);
	assert.match(form.body, /Skickas med i mejlet till organisationens administratörer\. Högst 2\s000 tecken\./);

	const tooLong = await coordinatorClient.post(`/admin/organisations/${org!.id}/decline`, { reason: `För långt. ${"x".repeat(2000)}` });
	assert.equal(tooLong.statusCode, 422);
	assert.match(tooLong.body, /Motivering: Texten får vara högst 2000 tecken\./);
	assert.match(tooLong.body, />För långt\. x+<\/textarea>/);
	assert.ok(await organisationNamed("Avslagna föreningen"), "nothing is removed");

	const res = await coordinatorClient.post(`/admin/organisations/${org!.id}/decline`, { reason: "Föreningen finns inte i Norsjö kommun." });
	assert.equal(res.statusCode, 303);
	assert.equal(await organisationNamed("Avslagna föreningen"), undefined);
	const mail = await lastMailTo(db, user.email);
	assert.match(mail?.subject ?? "", /Avslagna föreningen godkändes inte/);
	assert.match(mail?.body ?? "", /Samordnarens motivering:\nFöreningen finns inte i Norsjö kommun\./);

	// Without a reason the mail says only that the application was declined.
	await client.post("/aktorer/anslut", joinForm("Utan motivering"));
	const silent = await organisationNamed("Utan motivering");
	assert.equal((await coordinatorClient.post(`/admin/organisations/${silent!.id}/decline`, { reason: "  " })).statusCode, 303);
	const plain = await lastMailTo(db, user.email);
	assert.match(plain?.subject ?? "", /Utan motivering godkändes inte/);
	assert.doesNotMatch(plain?.body ?? "", /motivering:/);

	const active = await createOrganisation(db, { name: "Redan godkänd" });
	const refused = await coordinatorClient.post(`/admin/organisations/${active.id}/decline`, {});
	assert.equal(refused.statusCode, 409);
	assert.match(refused.body, /Bara organisationer som väntar på godkännande kan avslås\./);
	assert.equal((await coordinatorClient.get(`/admin/organisations/${active.id}/decline`)).statusCode, 409, "no decline form for an approved one");
	assert.ok(await organisationNamed("Redan godkänd"));
	for (const id of [randomUUID(), "nope"]) {
		assert.equal((await coordinatorClient.post(`/admin/organisations/${id}/approve`, {})).statusCode, 404);
		assert.equal((await coordinatorClient.post(`/admin/organisations/${id}/decline`, {})).statusCode, 404);
		assert.equal((await coordinatorClient.get(`/admin/organisations/${id}/decline`)).statusCode, 404);
	}
});

test("a duplicate organisation number and other bad input get clear messages and keep what was typed", async () => {
	const taken = await createOrganisation(db, { name: "Finns redan" });
	const { client } = await signedInUser(app, db);
	const duplicate = await client.post("/aktorer/anslut", joinForm("Dubbletten", { orgNumber: taken.orgNumber! }));
	assert.equal(duplicate.statusCode, 422);
	assert.match(duplicate.body, /Organisationen finns redan i Medskapa\. Be någon av dess administratörer att bjuda in dig\./);
	assert.match(duplicate.body, /value="Dubbletten"/);
	assert.match(duplicate.body, />Vi vill bidra till en rik fritid\.<\/textarea>/);

	const missing = await client.post("/aktorer/anslut", joinForm("Utan skäl", { reason: "", orgNumber: "212000-2644" }));
	assert.equal(missing.statusCode, 422);
	assert.match(missing.body, /Varför vill ni delta\?: Fyll i fältet\./);
	assert.match(missing.body, /kontrollsiffran är fel/);
	assert.equal(await organisationNamed("Dubbletten"), undefined);
	assert.equal(await organisationNamed("Utan skäl"), undefined);
});

test("only signed-in people can join, and only a coordinator or administrator can approve or decline", async () => {
	const anonymous = new TestClient(app);
	const page = await anonymous.get("/aktorer/anslut");
	assert.equal(page.statusCode, 303);
	assert.equal(page.headers.location, "/sign-in?next=%2Faktorer%2Fanslut");
	assert.equal((await anonymous.post("/aktorer/anslut", joinForm("Anonyma klubben"))).statusCode, 303);
	assert.equal(await organisationNamed("Anonyma klubben"), undefined);

	const { client: applicant } = await signedInUser(app, db);
	await applicant.post("/aktorer/anslut", joinForm("Väntande klubben"));
	const org = (await organisationNamed("Väntande klubben"))!;
	const other = await createOrganisation(db);
	const clients = {
		anonymous,
		resident: (await signedInUser(app, db)).client,
		member: (await signedInUser(app, db, { memberOf: { organisationId: org.id, role: "member" } })).client,
		admin: applicant,
		otherAdmin: (await signedInUser(app, db, { memberOf: { organisationId: other.id, role: "admin" } })).client,
	};
	for (const [who, client] of Object.entries(clients)) {
		for (const action of ["approve", "decline"]) {
			const res = await client.post(`/admin/organisations/${org.id}/${action}`, {});
			assert.equal(res.statusCode, who === "anonymous" ? 303 : 403, `${who} ${action}`);
		}
		const declineForm = await client.get(`/admin/organisations/${org.id}/decline`);
		assert.equal(declineForm.statusCode, who === "anonymous" ? 303 : 403, `${who} sees the decline form`);
	}
	assert.equal((await organisationNamed("Väntande klubben"))?.status, "pending");

	const administrator = (await signedInUser(app, db, { isAdministrator: true })).client;
	assert.equal((await administrator.post(`/admin/organisations/${org.id}/approve`, {})).statusCode, 303);
	assert.equal((await organisationNamed("Väntande klubben"))?.status, "active");
	assert.ok(programme.id);
});

test("a pending organisation's focus areas show to its members but not on the public focus area pages", async () => {
	const { client } = await signedInUser(app, db);
	await client.post("/aktorer/anslut", joinForm("Dolda klubben"));
	const org = (await organisationNamed("Dolda klubben"))!;
	const area = await createFocusArea(db, programme.id, { name: "Dolt område", organisationIds: [org.id] });
	assert.ok((await client.get(`/aktorer/${org.id}`)).body.includes(`<a href="/fokusomraden/${area.id}">Dolt område</a>`));
	const visitor = new TestClient(app);
	assert.doesNotMatch((await visitor.get(`/fokusomraden/${area.id}`)).body, /Dolda klubben/);
	assert.doesNotMatch((await visitor.get("/fokusomraden")).body, /Dolda klubben/);
});
