import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../../schema.js";
import { clientAs, createFocusArea, createGoal, createIndicator, createOrganisation, createProgramme, createUser, lastMailTo } from "../../../test/factories.js";
import { assertSaysTryAgainFrom, testApp, TestClient, testedOn } from "../../../test/helpers.js";
import { renderToString } from "preact-render-to-string";
import { translator } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { defaultBranding } from "../../ui/branding.js";
import { RelatedGoals, relatedGoals, relatedGoalsInFocusArea } from "./index.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "En rik och attraktiv fritid" });
const otherArea = await createFocusArea(db, programme.id, { name: "Vår miljö", position: 2 });

/** Two actors: the association proposes, the municipality (with a contact person and a non-contact admin) receives. */
async function actors() {
	const association = await createOrganisation(db, { name: `Byaföreningen ${randomUUID().slice(0, 6)}` });
	const municipality = await createOrganisation(db, { name: `Kommunen ${randomUUID().slice(0, 6)}`, type: "municipality" });
	const proposer = await createUser(db, { name: "Petra Föreslår", memberOf: { organisationId: association.id, role: "member" } });
	const contact = await createUser(db, { email: `kontakt-${randomUUID()}@kommunen.se` });
	await db.insert(s.memberships).values({ userId: contact.id, organisationId: municipality.id, role: "member", isContact: true });
	const admin = await createUser(db, { memberOf: { organisationId: municipality.id, role: "admin" } });
	const ourGoal = await createGoal(db, programme.id, area.id, { organisationId: association.id, title: "Mer fritid för ungdomar i byarna" });
	const theirGoal = await createGoal(db, programme.id, area.id, { organisationId: municipality.id, title: "En fritidsgård för unga i Norsjö" });
	return { association, municipality, proposer, contact, admin, ourGoal, theirGoal };
}

/** A pending request from the association to the municipality, sent through the form. */
async function proposed(a: Awaited<ReturnType<typeof actors>>) {
	const client = await clientAs(app, db, a.proposer.id);
	const res = await client.post(`/aktorer/${a.association.id}/samarbeten/ny`, {
		to: a.municipality.id,
		focusAreaId: area.id,
		title: "Fritidsgård tillsammans",
		message: "Vi vill driva fritidsgården ihop med er.",
		goal: a.ourGoal.id,
		theirGoal: a.theirGoal.id,
	});
	assert.equal(res.statusCode, 303);
	const id = String(res.headers.location).split("/").pop()!;
	return { client, id, location: String(res.headers.location) };
}

const requestOf = async (id: string) => (await db.select().from(s.collaborationRequests).where(eq(s.collaborationRequests.id, id)))[0]!;

test("related goals: other actors' goals in the area, on a shared indicator or with similar words, the similar first", async () => {
	const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map(() => createOrganisation(db)));
	const indicator = await createIndicator(db, programme.id, { focusAreaIds: [area.id] });
	const goal = await createGoal(db, programme.id, area.id, { organisationId: a!.id, title: "Meningsfull fritid för ungdomar", description: "Ungdomar ska ha fler fritidsaktiviteter." });
	const ownOther = await createGoal(db, programme.id, area.id, { organisationId: a!.id, title: "Fritid för ungdomar i Bastuträsk" });
	const unrelated = await createGoal(db, programme.id, area.id, { organisationId: b!.id, title: "Bättre snöröjning på vägarna" });
	const similar = await createGoal(db, programme.id, area.id, { organisationId: c!.id, title: "En fritidsgård för unga" });
	const onIndicator = await createGoal(db, programme.id, otherArea.id, { organisationId: d!.id, title: "Färre bilresor", targetIndicatorId: indicator.id });
	const similarElsewhere = await createGoal(db, programme.id, otherArea.id, { organisationId: e!.id, title: "Ungdomar planterar träd på fritiden" });
	const farAway = await createGoal(db, programme.id, otherArea.id, { organisationId: e!.id, title: "Rena sjöar" });

	const related = await relatedGoals(db, goal.id);
	const ids = related.map((r) => r.id);
	assert.deepEqual(new Set(ids.slice(0, 2)), new Set([similar.id, similarElsewhere.id]), "goals with similar words come first");
	assert.ok(ids.indexOf(similar.id) < ids.indexOf(unrelated.id), "“fritidsgård för unga” ranks above an unrelated goal");
	assert.ok(ids.indexOf(similarElsewhere.id) < ids.indexOf(onIndicator.id), "shared words weigh more than a shared indicator");
	assert.ok(ids.indexOf(onIndicator.id) < ids.indexOf(unrelated.id), "a shared indicator weighs more than the area alone");
	assert.ok(!ids.includes(goal.id) && !ids.includes(ownOther.id), "not the goal itself nor its own organisation's goals");
	assert.ok(!ids.includes(farAway.id), "nothing in common: not related");
	const reasons = Object.fromEntries(related.map((r) => [r.id, r.reasons]));
	assert.deepEqual(reasons[similar.id], ["area", "text"]);
	assert.deepEqual(reasons[unrelated.id], ["area"]);
	assert.deepEqual(reasons[onIndicator.id], ["areaIndicator"], "the goal has no indicator of its own: not “the same indicator”");
	assert.deepEqual(reasons[similarElsewhere.id], ["text"]);
	assert.equal(related.find((r) => r.id === similar.id)?.owner.name, c!.name);
	assert.deepEqual(await relatedGoals(db, "inte-ett-id"), []);
	assert.deepEqual(await relatedGoals(db, randomUUID()), []);
});

test("related goals say “samma indikator” only when the goal itself aims at that indicator", async () => {
	const [a, b, c] = await Promise.all([1, 2, 3].map(() => createOrganisation(db)));
	const own = await createIndicator(db, programme.id, { focusAreaIds: [] });
	const followed = await createIndicator(db, programme.id, { focusAreaIds: [otherArea.id] });
	const withIndicator = await createGoal(db, programme.id, otherArea.id, { organisationId: a!.id, title: "Fler cyklar", targetIndicatorId: own.id });
	const withoutIndicator = await createGoal(db, programme.id, otherArea.id, { organisationId: a!.id, title: "Färre sopor" });
	const sameIndicator = await createGoal(db, programme.id, area.id, { organisationId: b!.id, title: "Mätning av trafiken", targetIndicatorId: own.id });
	const areaIndicator = await createGoal(db, programme.id, area.id, { organisationId: c!.id, title: "Skogsvård", targetIndicatorId: followed.id });

	const reasonsOf = async (goalId: string) => Object.fromEntries((await relatedGoals(db, goalId)).map((r) => [r.id, r.reasons]));
	assert.deepEqual((await reasonsOf(withIndicator.id))[sameIndicator.id], ["indicator"]);
	assert.deepEqual((await reasonsOf(withIndicator.id))[areaIndicator.id], ["areaIndicator"]);
	assert.equal((await reasonsOf(withoutIndicator.id))[sameIndicator.id], undefined, "nothing in common with a goal without an indicator");
	assert.deepEqual((await reasonsOf(withoutIndicator.id))[areaIndicator.id], ["areaIndicator"]);

	const res = await new TestClient(app).get(`/mal/${withoutIndicator.id}`);
	assert.equal(res.statusCode, 200);
	assert.match(res.body, /Varför: en indikator som fokusområdet följer/);
	assert.doesNotMatch(res.body, /samma indikator/, "a goal without an indicator shares none");
});

test("in a focus area, a member sees other actors' goals there, like their own first, each with a link to propose", async () => {
	const a = await actors();
	const unlike = await createGoal(db, programme.id, area.id, { title: "Asfaltera parkeringen" });
	const member = { id: a.proposer.id, email: a.proposer.email, name: "", isAdministrator: false, memberships: [{ organisationId: a.association.id, role: "member" as const }] };
	const related = await relatedGoalsInFocusArea(db, area.id, member);
	const ids = related.map((r) => r.id);
	assert.ok(ids.indexOf(a.theirGoal.id) >= 0 && ids.indexOf(a.theirGoal.id) < ids.indexOf(unlike.id), "the goal like their own comes before an unlike one");
	assert.ok(!ids.includes(a.ourGoal.id), "not their own organisation's goals");
	assert.deepEqual(await relatedGoalsInFocusArea(db, area.id, null), [], "nothing for a visitor who belongs to no actor");

	const ctx: PageContext = { lang: "sv", t: translator("sv"), path: "/", csrfToken: "", viewer: member, canAdminister: false, flash: null, branding: defaultBranding };
	const html = renderToString(RelatedGoals({ ctx, goals: related.filter((r) => r.id === a.theirGoal.id), fromGoalId: a.ourGoal.id }));
	assert.match(html, /<h2 id="related-goals">Relaterade mål hos andra aktörer<\/h2>/);
	assert.match(html, /Varför: samma fokusområde, liknande innehåll/);
	const href = `/aktorer/${a.association.id}/samarbeten/ny?to=${a.municipality.id}&amp;theirGoal=${a.theirGoal.id}&amp;goal=${a.ourGoal.id}`;
	assert.ok(html.includes(`<a href="${href}">Föreslå samarbete med ${a.municipality.name}</a>`), html);
	const anonymous = renderToString(RelatedGoals({ ctx: { ...ctx, viewer: null }, goals: related }));
	assert.doesNotMatch(anonymous, /Föreslå samarbete/, "visitors get no proposal links");
});

test("a member proposes to collaborate; the other actor's contact person is mailed and no address is shown to the proposer", async () => {
	const a = await actors();
	const client = await clientAs(app, db, a.proposer.id);
	const form = await client.get(`/aktorer/${a.association.id}/samarbeten/ny?to=${a.municipality.id}&goal=${a.ourGoal.id}&theirGoal=${a.theirGoal.id}`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Föreslå samarbete<\/h1>/);
	assert.match(form.body, /Det gäller ert mål Mer fritid för ungdomar i byarna och deras mål En fritidsgård för unga i Norsjö\./);
	assert.ok(form.body.includes(`<option value="${a.municipality.id}" selected`));
	assert.ok(!form.body.includes(`<option value="${a.association.id}"`), "not one's own organisation");

	const { id, location, client: sender } = await proposed(a);
	assert.equal(location, `/aktorer/${a.association.id}/samarbeten/${id}`);
	const stored = await requestOf(id);
	assert.equal(stored.status, "pending");
	assert.equal(stored.fromGoalId, a.ourGoal.id);
	assert.equal(stored.toGoalId, a.theirGoal.id);
	assert.equal(stored.createdBy, a.proposer.id);

	const mail = await lastMailTo(db, a.contact.email);
	assert.ok(mail, "the contact person is mailed");
	assert.match(mail.subject, /Förfrågan om samarbete från Byaföreningen/);
	assert.match(mail.body, /Vi vill driva fritidsgården ihop med er\./);
	assert.ok(mail.body.includes(`/aktorer/${a.municipality.id}/samarbeten/${id}`));
	assert.equal(await lastMailTo(db, a.admin.email), undefined, "admins are not mailed when there is a contact person");

	const page = await sender.get(location);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /Förfrågan är skickad till organisationens kontaktperson\./);
	assert.match(page.body, /Status: Väntar på svar/);
	for (const body of [form.body, page.body, (await client.get(`/aktorer/${a.association.id}/samarbeten`)).body]) {
		assert.ok(!body.includes(a.contact.email) && !body.includes(a.admin.email), "no address of the other actor is shown");
	}
});

test("one person sends at most ten proposals a day; the eleventh is refused with when they can send again, what was typed kept and nothing mailed", async () => {
	const a = await actors();
	const client = await clientAs(app, db, a.proposer.id);
	const form = (n: number) => ({ to: a.municipality.id, focusAreaId: area.id, title: `Förslag ${n}`, message: `Meddelande nummer ${n}` });
	const day = 86_400_000;
	const first = Date.now();
	for (let n = 1; n <= 10; n++) assert.equal((await client.post(`/aktorer/${a.association.id}/samarbeten/ny`, form(n))).statusCode, 303);
	const refused = await client.post(`/aktorer/${a.association.id}/samarbeten/ny`, form(11));
	assertSaysTryAgainFrom(refused, "sv", new Date(first + day), new Date(Date.now() + day));
	assert.match(refused.body, /id="error-message"[^>]*>Du har skickat många förfrågningar det senaste dygnet\. Du kan skicka igen från/);
	assert.match(refused.body, /Meddelande nummer 11/);
	assert.equal((await db.select().from(s.collaborationRequests).where(eq(s.collaborationRequests.title, "Förslag 11"))).length, 0);
	assert.match((await lastMailTo(db, a.contact.email))!.body, /Meddelande nummer 10/);
});

test("an organisation without a contact person is reached through its admins", async () => {
	const a = await actors();
	await db.update(s.memberships).set({ isContact: false }).where(eq(s.memberships.userId, a.contact.id));
	await proposed(a);
	assert.match((await lastMailTo(db, a.admin.email))?.subject ?? "", /Förfrågan om samarbete/);
});

test("only members of the proposing organisation may propose", async () => {
	const a = await actors();
	const url = `/aktorer/${a.association.id}/samarbeten/ny`;
	const body = { to: a.municipality.id, focusAreaId: area.id, title: "Obehörig förfrågan", message: "Hej" };
	const anonymous = await new TestClient(app).get(url);
	assert.equal(anonymous.statusCode, 303);
	assert.match(String(anonymous.headers.location), /^\/sign-in/);
	assert.equal((await new TestClient(app).post(url, body)).statusCode, 303);
	const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	for (const who of [await createUser(db), a.contact, coordinatorAdmin]) {
		const client = await clientAs(app, db, who.id);
		assert.equal((await client.get(url)).statusCode, 403);
		assert.equal((await client.post(url, body)).statusCode, 403);
	}
	assert.equal((await db.select().from(s.collaborationRequests).where(eq(s.collaborationRequests.title, "Obehörig förfrågan"))).length, 0);
	assert.equal((await (await clientAs(app, db, a.proposer.id)).get(`/aktorer/${randomUUID()}/samarbeten/ny`)).statusCode, 404);
});

test("bad proposals keep what was typed and store nothing", async () => {
	const a = await actors();
	const client = await clientAs(app, db, a.proposer.id);
	const url = `/aktorer/${a.association.id}/samarbeten/ny`;
	const base = { to: a.municipality.id, focusAreaId: area.id, title: "Felaktig förfrågan", message: "Texten finns kvar" };
	const cases: [Record<string, string>, RegExp][] = [
		[{ ...base, title: "" }, /Rubrik: Fyll i fältet\./],
		[{ ...base, message: "x".repeat(4001) }, /högst 4000 tecken/],
		[{ ...base, to: a.association.id }, /Välj en annan organisation än er egen\./],
		[{ ...base, to: randomUUID() }, /Organisationen finns inte\./],
		[{ ...base, focusAreaId: randomUUID() }, /Välj ett av alternativen\./],
		[{ ...base, theirGoal: a.ourGoal.id }, /hör inte till den valda organisationen/],
	];
	for (const [body, message] of cases) {
		const res = await client.post(url, body);
		assert.equal(res.statusCode, 422, String(message));
		assert.match(res.body, message);
		assert.match(res.body, /Texten finns kvar|x{100}/);
	}
	assert.equal((await client.post(url, { ...base, goal: "inte-ett-id" })).statusCode, 404);
	assert.equal((await client.post(url, { ...base, goal: a.theirGoal.id })).statusCode, 404, "one's own goal must be one's own");
	assert.equal((await db.select().from(s.collaborationRequests).where(eq(s.collaborationRequests.title, "Felaktig förfrågan"))).length, 0);
});

test("the inbox shows received and sent requests with status, to members only", async () => {
	const a = await actors();
	const { id } = await proposed(a);
	const receiver = await clientAs(app, db, a.contact.id);
	const inbox = await receiver.get(`/aktorer/${a.municipality.id}/samarbeten`);
	assert.equal(inbox.statusCode, 200);
	assert.match(inbox.body, /<h2 id="requests-incoming">Mottagna förfrågningar<\/h2>/);
	assert.ok(inbox.body.includes(`/aktorer/${a.municipality.id}/samarbeten/${id}`));
	assert.match(inbox.body, /Från Byaföreningen/);
	const sent = await (await clientAs(app, db, a.proposer.id)).get(`/aktorer/${a.association.id}/samarbeten`);
	assert.match(sent.body, /Till Kommunen/);
	assert.match(sent.body, /Status: Väntar på svar/);
	const outsider = await clientAs(app, db, (await createUser(db)).id);
	assert.equal((await outsider.get(`/aktorer/${a.municipality.id}/samarbeten`)).statusCode, 403);
	assert.equal((await outsider.get(`/aktorer/${a.municipality.id}/samarbeten/${id}`)).statusCode, 403);
	assert.equal((await receiver.get(`/aktorer/${a.municipality.id}/samarbeten/${randomUUID()}`)).statusCode, 404);
	const third = await createOrganisation(db);
	const thirdMember = await createUser(db, { memberOf: { organisationId: third.id, role: "admin" } });
	assert.equal((await (await clientAs(app, db, thirdMember.id)).get(`/aktorer/${third.id}/samarbeten/${id}`)).statusCode, 404, "a request between others is not found");
});

test("accepting creates one joint initiative owned by both, links it and mails the proposer; a second accept changes nothing", async () => {
	const a = await actors();
	const { id } = await proposed(a);
	const receiver = await clientAs(app, db, a.admin.id);
	const page = await receiver.get(`/aktorer/${a.municipality.id}/samarbeten/${id}`);
	assert.match(page.body, /Godkänn samarbetet/);
	assert.match(page.body, /Avböj förfrågan/);

	const res = await receiver.post(`/aktorer/${a.municipality.id}/samarbeten/${id}/acceptera`, { response: "Gärna! Vi hörs." });
	assert.equal(res.statusCode, 303);
	const request = await requestOf(id);
	assert.equal(request.status, "accepted");
	assert.equal(request.respondedBy, a.admin.id);
	assert.ok(request.initiativeId);
	assert.equal(res.headers.location, `/initiativ/${request.initiativeId}`);
	const [initiative] = await db.select().from(s.initiatives).where(eq(s.initiatives.id, request.initiativeId));
	assert.equal(initiative?.title, "Fritidsgård tillsammans");
	assert.equal(initiative?.focusAreaId, area.id);
	const owners = await db.select().from(s.initiativeOwners).where(eq(s.initiativeOwners.initiativeId, request.initiativeId));
	assert.deepEqual(owners.map((o) => o.organisationId).sort(), [a.association.id, a.municipality.id].sort());

	const mail = await lastMailTo(db, a.proposer.email);
	assert.match(mail?.subject ?? "", /har godkänt er förfrågan om samarbete/);
	assert.match(mail?.body ?? "", /Gärna! Vi hörs\./);
	assert.ok(mail?.body.includes(`/initiativ/${request.initiativeId}`));

	const again = await receiver.post(`/aktorer/${a.municipality.id}/samarbeten/${id}/acceptera`, { response: "" });
	assert.equal(again.statusCode, 409);
	assert.match(again.body, /Förfrågan är redan besvarad \(Godkänd\)\. Ingenting ändrades\./);
	const declineLate = await receiver.post(`/aktorer/${a.municipality.id}/samarbeten/${id}/avboj`, { reason: "Ångrar oss" });
	assert.equal(declineLate.statusCode, 409);
	// The answer forms are gone from the page: a late answer with a bad field is told the request is answered, not pointed at a missing field.
	const declineLateEmpty = await receiver.post(`/aktorer/${a.municipality.id}/samarbeten/${id}/avboj`, { reason: "" });
	assert.equal(declineLateEmpty.statusCode, 409);
	assert.match(declineLateEmpty.body, /Förfrågan är redan besvarad \(Godkänd\)\. Ingenting ändrades\./);
	const acceptLateLong = await receiver.post(`/aktorer/${a.municipality.id}/samarbeten/${id}/acceptera`, { response: "å".repeat(5000) });
	assert.equal(acceptLateLong.statusCode, 409);
	assert.equal((await db.select().from(s.initiativeOwners).where(eq(s.initiativeOwners.organisationId, a.association.id))).length, 1, "still one initiative");
	const proposerView = await (await clientAs(app, db, a.proposer.id)).get(`/aktorer/${a.association.id}/samarbeten/${id}`);
	assert.match(proposerView.body, /Status: Godkänd/);
	assert.match(proposerView.body, /Gärna! Vi hörs\./);
	assert.ok(proposerView.body.includes(`<a href="/initiativ/${request.initiativeId}">Fritidsgård tillsammans</a>`));
});

test(`two accepts at the same moment create one initiative (on ${testedOn})`, async () => {
	const a = await actors();
	const { id } = await proposed(a);
	const [one, two] = [await clientAs(app, db, a.admin.id), await clientAs(app, db, a.contact.id)];
	const url = `/aktorer/${a.municipality.id}/samarbeten/${id}/acceptera`;
	const [t1, t2] = [await one.csrfToken(), await two.csrfToken()];
	const results = await Promise.all([one.post(url, { _csrf: t1 }, { csrf: false }), two.post(url, { _csrf: t2 }, { csrf: false })]);
	assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409]);
	const owned = await db.select().from(s.initiativeOwners).where(eq(s.initiativeOwners.organisationId, a.association.id));
	assert.equal(owned.length, 1, "exactly one initiative for this pair");
});

test("only members of the receiving organisation may accept or decline", async () => {
	const a = await actors();
	const { id, client: proposerClient } = await proposed(a);
	const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
	const attempts = [
		{ client: proposerClient, org: a.association.id },
		{ client: proposerClient, org: a.municipality.id },
		{ client: await clientAs(app, db, coordinatorAdmin.id), org: a.municipality.id },
		{ client: await clientAs(app, db, (await createUser(db)).id), org: a.municipality.id },
	];
	for (const { client, org } of attempts) {
		assert.equal((await client.post(`/aktorer/${org}/samarbeten/${id}/acceptera`, { response: "" })).statusCode, 403);
		assert.equal((await client.post(`/aktorer/${org}/samarbeten/${id}/avboj`, { reason: "Nej" })).statusCode, 403);
	}
	for (const { client } of attempts.slice(2)) {
		assert.equal((await client.post(`/aktorer/${a.association.id}/samarbeten/${id}/aterkalla`, {})).statusCode, 403, "only the proposer's members withdraw");
	}
	assert.equal((await new TestClient(app).post(`/aktorer/${a.association.id}/samarbeten/${id}/aterkalla`, {})).statusCode, 303);
	const anonymous = await new TestClient(app).post(`/aktorer/${a.municipality.id}/samarbeten/${id}/acceptera`, { response: "" });
	assert.equal(anonymous.statusCode, 303);
	assert.match(String(anonymous.headers.location), /^\/sign-in/);
	assert.equal((await requestOf(id)).status, "pending");
	const receiver = await clientAs(app, db, a.contact.id);
	assert.equal((await receiver.post(`/aktorer/${a.municipality.id}/samarbeten/${id}/aterkalla`, {})).statusCode, 403, "the receiver cannot withdraw");
});

test("declining needs a reason, which the proposer is mailed", async () => {
	const a = await actors();
	const { id } = await proposed(a);
	const receiver = await clientAs(app, db, a.contact.id);
	const url = `/aktorer/${a.municipality.id}/samarbeten/${id}/avboj`;
	const empty = await receiver.post(url, { reason: "  " });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Skäl: Fyll i fältet\./);
	assert.equal((await requestOf(id)).status, "pending");
	const res = await receiver.post(url, { reason: "Vi saknar resurser i år." });
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, `/aktorer/${a.municipality.id}/samarbeten/${id}`);
	const request = await requestOf(id);
	assert.equal(request.status, "declined");
	assert.equal(request.response, "Vi saknar resurser i år.");
	assert.equal(request.initiativeId, null);
	const mail = await lastMailTo(db, a.proposer.email);
	assert.match(mail?.subject ?? "", /har avböjt/);
	assert.match(mail?.body ?? "", /Skäl: Vi saknar resurser i år\./);
});

test("the proposer may withdraw while pending; accepting after that changes nothing", async () => {
	const a = await actors();
	const { id, client } = await proposed(a);
	const res = await client.post(`/aktorer/${a.association.id}/samarbeten/${id}/aterkalla`, {});
	assert.equal(res.statusCode, 303);
	assert.equal((await requestOf(id)).status, "withdrawn");
	const late = await (await clientAs(app, db, a.contact.id)).post(`/aktorer/${a.municipality.id}/samarbeten/${id}/acceptera`, { response: "" });
	assert.equal(late.statusCode, 409);
	assert.match(late.body, /redan besvarad \(Återkallad\)/);
	assert.equal((await requestOf(id)).initiativeId, null);
	assert.equal((await client.post(`/aktorer/${a.association.id}/samarbeten/${id}/aterkalla`, {})).statusCode, 409);
});
