import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { asc, eq } from "drizzle-orm";
import { createFocusArea, createGoal, createIndicator, createInitiative, createOrganisation, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import type { Db } from "../../db/client.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);

/** A decision item of a council meeting, to put behind goals. */
async function createDecisionItem(database: Db, organisationId: string, title = "Övergripande mål 2019–2022") {
	const [body] = await database.insert(s.decisionBodies).values({ organisationId, name: `Kommunfullmäktige ${randomUUID().slice(0, 6)}` }).returning();
	const [meeting] = await database.insert(s.meetings).values({ bodyId: body!.id, heldOn: "2019-03-25" }).returning();
	const [item] = await database.insert(s.decisionItems).values({ meetingId: meeting!.id, paragraph: 12, title, decidedOn: "2019-03-25" }).returning();
	return item!;
}

/** A client signed in as a new person, member (or admin) of an organisation when given. */
async function clientFor(memberOf?: { organisationId: string; role: "member" | "admin" }, extra: { isAdministrator?: boolean } = {}): Promise<TestClient> {
	const client = new TestClient(app);
	const user = await createUser(db, { ...extra, memberOf });
	await signInAs(client, db, user.id);
	return client;
}

/** An organisation working in two areas (a third exists that it has not chosen), with a member signed in. */
async function world() {
	const org = await createOrganisation(db, { name: `Byaföreningen ${randomUUID().slice(0, 6)}` });
	const area = await createFocusArea(db, programme.id, { name: `Vår miljö ${randomUUID().slice(0, 6)}`, organisationIds: [org.id] });
	const second = await createFocusArea(db, programme.id, { name: `En trygg bygd ${randomUUID().slice(0, 6)}`, organisationIds: [org.id] });
	const notChosen = await createFocusArea(db, programme.id, { name: `Hög service ${randomUUID().slice(0, 6)}` });
	const member = await clientFor({ organisationId: org.id, role: "member" });
	return { org, area, second, notChosen, member };
}

const goalForm = (areaId: string, values: Record<string, string> = {}) => ({
	title: "Fler hushåll sorterar matavfall",
	description: "Vi informerar i byarna.",
	focusAreaId: areaId,
	unit: "",
	periodStart: "2019-01-01",
	periodEnd: "2022-12-31",
	responsible: "Ordföranden",
	decisionItemId: "",
	expectedResult: "Minst hälften av hushållen sorterar.",
	targetIndicatorId: "",
	targetValue: "",
	targetYear: "",
	parentId: "",
	...values,
});

async function goalsTitled(title: string) {
	return db.select().from(s.goals).where(eq(s.goals.title, title));
}

async function versionsOf(goalId: string) {
	return db.select().from(s.goalVersions).where(eq(s.goalVersions.goalId, goalId)).orderBy(asc(s.goalVersions.version));
}

test("a member creates a goal with a decision and a target; its page shows all of it and version 1", async () => {
	const { org, area, second, member } = await world();
	const item = await createDecisionItem(db, org.id);
	const indicator = await createIndicator(db, programme.id, { title: `Andel sorterat ${randomUUID().slice(0, 4)}`, unit: "procent", focusAreaIds: [area.id] });

	const list = await member.get("/mal");
	assert.ok(list.body.includes(`<a href="/aktorer/${org.id}/mal/ny">Nytt mål för ${org.name}</a>`), "a member finds the form from the list");
	const form = await member.get(`/aktorer/${org.id}/mal/ny`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, new RegExp(`<h1>Nytt mål för ${org.name}</h1>`));
	assert.ok(form.body.includes(`value="${item.id}"`), "the decision is a choice");
	assert.ok(form.body.includes(`value="${indicator.id}"`), "the indicator is a choice");

	const res = await member.post(
		`/aktorer/${org.id}/mal/ny`,
		goalForm(area.id, { title: "Mindre matsvinn i byarna", unit: "Styrelsen", decisionItemId: item.id, targetIndicatorId: indicator.id, targetValue: "52,5", targetYear: "2022", focusAreaIds: second.id }),
	);
	assert.equal(res.statusCode, 303);
	const [goal] = await goalsTitled("Mindre matsvinn i byarna");
	assert.ok(goal);
	assert.equal(res.headers.location, `/mal/${goal.id}`);
	assert.equal(goal.organisationId, org.id);
	assert.equal(goal.targetValue, "52.5");
	assert.equal(goal.version, 1);
	const versions = await versionsOf(goal.id);
	assert.equal(versions.length, 1);
	assert.equal((versions[0]!.snapshot as { title: string }).title, "Mindre matsvinn i byarna");

	const page = await new TestClient(app).get(`/mal/${goal.id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Mindre matsvinn i byarna<\/h1>/);
	assert.ok(page.body.includes(`<a href="/aktorer/${org.id}">${org.name}</a>`));
	assert.match(page.body, /<dt>Enhet<\/dt><dd>Styrelsen<\/dd>/);
	assert.ok(page.body.includes(`<a href="/fokusomraden/${area.id}">${area.name}</a>`) && page.body.includes(second.name), "both areas");
	assert.match(page.body, /1 januari 2019 – 31 december 2022|1 jan\. 2019 – 31 dec\. 2022|2019.*2022/);
	assert.match(page.body, /<dt>Ansvarig<\/dt><dd>Ordföranden<\/dd>/);
	assert.ok(page.body.includes(`/beslut/paragrafer/${item.id}`), "the decision behind it");
	assert.match(page.body, /Minst hälften av hushållen sorterar\./);
	assert.ok(page.body.includes(`<dt>Målvärde</dt><dd>${indicator.title}: 52,5 procent år 2022</dd>`), "the target");
	assert.match(page.body, /<span aria-hidden="true">○<\/span> Ej påbörjat/);
	assert.match(page.body, /Version 1<\/strong>.*av [^:]+: Målet skapades/);
	assert.doesNotMatch(page.body, /Ändra målet/, "the public may not edit");
	assert.doesNotMatch(page.body, /@example\.se/, "no e-mail addresses");

	const own = await member.get(`/mal/${goal.id}`);
	assert.match(own.body, /Ändra målet/);
});

test("editing a goal bumps its version, keeps the old one and shows which fields changed and for whom", async () => {
	const { org, area, member } = await world();
	const res = await member.post(`/aktorer/${org.id}/mal/ny`, goalForm(area.id, { title: "Ursprunglig titel" }));
	const goalId = String(res.headers.location).split("/").pop()!;

	const form = await member.get(`/mal/${goalId}/andra`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /value="Ursprunglig titel"/);
	const saved = await member.post(`/mal/${goalId}/andra`, goalForm(area.id, { title: "Ny titel", expectedResult: "Nytt resultat." }));
	assert.equal(saved.statusCode, 303);
	assert.equal(saved.headers.location, `/mal/${goalId}`);

	const [goal] = await db.select().from(s.goals).where(eq(s.goals.id, goalId));
	assert.equal(goal!.title, "Ny titel");
	assert.equal(goal!.version, 2);
	const versions = await versionsOf(goalId);
	assert.deepEqual(
		versions.map((v) => [v.version, (v.snapshot as { title: string }).title]),
		[
			[1, "Ursprunglig titel"],
			[2, "Ny titel"],
		],
	);
	const page = await new TestClient(app).get(`/mal/${goalId}`);
	assert.match(page.body, new RegExp(`Version 2</strong>, [^<]+ av ${org.name}: Ändrat: Mål, Förväntat resultat`));
	assert.match(page.body, /Version 1<\/strong>/);

	assert.equal((await member.post(`/mal/${goalId}/andra`, goalForm(area.id, { title: "Ny titel", expectedResult: "Nytt resultat." }))).statusCode, 303);
	const again = await new TestClient(app).get(`/mal/${goalId}`);
	assert.match(again.body, /Version 3<\/strong>[^<]*: Sparat utan ändringar/);
});

test("a status change needs a date, keeps its reason in the status history and makes a version", async () => {
	const { org, area, member } = await world();
	const goal = await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Status följs upp" });

	assert.equal((await member.get(`/mal/${goal.id}/status`)).statusCode, 200);
	const bad = await member.post(`/mal/${goal.id}/status`, { status: "vet-inte", changedOn: "2020-13-01", reason: "Behålls" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Status: Välj ett av alternativen\./);
	assert.match(bad.body, /Gäller från: Skriv ett datum som ÅÅÅÅ-MM-DD\./);
	assert.match(bad.body, />Behålls<\/textarea>/);

	assert.equal((await member.post(`/mal/${goal.id}/status`, { status: "at_risk", changedOn: "2020-03-01", reason: "Pandemin stoppade träffarna." })).statusCode, 303);
	assert.equal((await member.post(`/mal/${goal.id}/status`, { status: "on_track", changedOn: "2021-05-10", reason: "" })).statusCode, 303);

	const [stored] = await db.select().from(s.goals).where(eq(s.goals.id, goal.id));
	assert.equal(stored!.status, "on_track");
	assert.equal(stored!.statusChangedOn, "2021-05-10");
	assert.equal(stored!.version, 3);
	const changes = await db.select().from(s.goalStatusChanges).where(eq(s.goalStatusChanges.goalId, goal.id));
	assert.deepEqual(changes.map((c) => [c.status, c.changedOn, c.reason]).sort(), [
		["at_risk", "2020-03-01", "Pandemin stoppade träffarna."],
		["on_track", "2021-05-10", ""],
	]);

	const page = await new TestClient(app).get(`/mal/${goal.id}`);
	assert.match(page.body, /<span aria-hidden="true">✓<\/span> Enligt plan<span class="meta"> \(sedan 10 maj 2021\)<\/span>/);
	const history = page.body.slice(page.body.indexOf("Statushistorik"));
	assert.ok(history.indexOf("Enligt plan") < history.indexOf("Risk för avvikelse"), "newest first");
	assert.match(history, /Pandemin stoppade träffarna\./);
	assert.match(page.body, /Version 3<\/strong>[^<]*: Ändrat: Status, Gäller från/);
});

test("a sub-goal has the same owner and an optional unit; a goal cannot become its own ancestor", async () => {
	const { org, area, member } = await world();
	const top = await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Programmål" });

	const form = await member.get(`/mal/${top.id}/delmal/ny`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Nytt delmål till Programmål<\/h1>/);
	const res = await member.post(`/mal/${top.id}/delmal/ny`, goalForm(area.id, { title: "Delmål för socialtjänsten", unit: "Socialtjänsten", parentId: top.id }));
	assert.equal(res.statusCode, 303);
	const [sub] = await goalsTitled("Delmål för socialtjänsten");
	assert.equal(sub!.parentId, top.id);
	assert.equal(sub!.organisationId, org.id);
	assert.equal(sub!.unit, "Socialtjänsten");
	const [grandchild] = [await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Barnbarn", parentId: sub!.id })];

	const topPage = await new TestClient(app).get(`/mal/${top.id}`);
	assert.ok(topPage.body.includes(`<a href="/mal/${sub!.id}">Delmål för socialtjänsten</a>`), "listed as a sub-goal");
	const subPage = await new TestClient(app).get(`/mal/${sub!.id}`);
	assert.match(subPage.body, /<dt>Övergripande mål<\/dt><dd><a href="\/mal\/[^"]+">Programmål<\/a><\/dd>/);

	for (const parentId of [top.id, sub!.id, grandchild!.id]) {
		const cycle = await member.post(`/mal/${top.id}/andra`, goalForm(area.id, { title: "Programmål ändrat", parentId }));
		assert.equal(cycle.statusCode, 422, parentId);
		assert.match(cycle.body, /Ett mål kan inte vara delmål till sig självt eller till sina egna delmål\./);
		assert.match(cycle.body, /value="Programmål ändrat"/);
	}
	const other = await createGoal(db, programme.id, area.id, { title: "Annan ägares mål" });
	const foreign = await member.post(`/mal/${top.id}/andra`, goalForm(area.id, { title: "Programmål ändrat", parentId: other.id }));
	assert.equal(foreign.statusCode, 422);
	assert.match(foreign.body, /Det övergripande målet måste ha samma ägare\./);
	const unknown = await member.post(`/mal/${top.id}/andra`, goalForm(area.id, { title: "Programmål ändrat", parentId: randomUUID() }));
	assert.match(unknown.body, /Övergripande mål: Målet finns inte\./);
	assert.equal((await goalsTitled("Programmål ändrat")).length, 0);
	const [unchanged] = await db.select().from(s.goals).where(eq(s.goals.id, top.id));
	assert.equal(unchanged!.parentId, null);
	assert.equal(unchanged!.version, 1);
});

test("members add and change activities with dates, status and owner; end before start is refused", async () => {
	const { org, area, member } = await world();
	const goal = await createGoal(db, programme.id, area.id, { organisationId: org.id });
	const activity = { title: "Informationsmöte i Bastuträsk", description: "", startsOn: "2019-04-01", endsOn: "2019-04-01", status: "achieved", owner: "Miljögruppen" };

	const bad = await member.post(`/mal/${goal.id}/aktiviteter/ny`, { ...activity, startsOn: "2019-05-01" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Slutar: Slutet kan inte ligga före början\./);
	assert.match(bad.body, /value="Informationsmöte i Bastuträsk"/);
	assert.equal((await db.select().from(s.goalActivities).where(eq(s.goalActivities.goalId, goal.id))).length, 0);

	assert.equal((await member.post(`/mal/${goal.id}/aktiviteter/ny`, activity)).statusCode, 303);
	const [stored] = await db.select().from(s.goalActivities).where(eq(s.goalActivities.goalId, goal.id));
	const page = await member.get(`/mal/${goal.id}`);
	assert.match(page.body, /Informationsmöte i Bastuträsk/);
	assert.match(page.body, /<span aria-hidden="true">★<\/span> Uppnått/);
	assert.match(page.body, /<td>Miljögruppen<\/td>/);

	assert.equal((await member.get(`/mal/${goal.id}/aktiviteter/${stored!.id}/andra`)).statusCode, 200);
	const changed = await member.post(`/mal/${goal.id}/aktiviteter/${stored!.id}/andra`, { ...activity, title: "Möte flyttat", endsOn: "2019-04-02", status: "discontinued" });
	assert.equal(changed.statusCode, 303);
	const [after] = await db.select().from(s.goalActivities).where(eq(s.goalActivities.id, stored!.id));
	assert.deepEqual([after!.title, after!.endsOn, after!.status], ["Möte flyttat", "2019-04-02", "discontinued"]);
});

test("bad goal input gets a clear message, keeps everything typed and stores nothing", async () => {
	const { org, area, notChosen, member } = await world();
	const indicator = await createIndicator(db, programme.id);
	const cases: { values: Record<string, string>; message: RegExp }[] = [
		{ values: { periodStart: "2022-01-01", periodEnd: "2019-12-31" }, message: /Perioden slutar: Slutet kan inte ligga före början\./ },
		{ values: { focusAreaId: notChosen.id }, message: /Fokusområde: Ägaren arbetar inte inom det fokusområdet\./ },
		{ values: { focusAreaId: randomUUID() }, message: /Fokusområde: Fokusområdet finns inte\./ },
		{ values: { focusAreaId: "inte-ett-id" }, message: /Fokusområde: Fokusområdet finns inte\./ },
		{ values: { focusAreaIds: notChosen.id }, message: /Fler fokusområden: Ägaren arbetar inte inom det fokusområdet\./ },
		{ values: { targetIndicatorId: randomUUID(), targetValue: "10" }, message: /Indikator för målvärdet: Indikatorn finns inte\./ },
		{ values: { targetIndicatorId: "trasig", targetValue: "10" }, message: /Indikator för målvärdet: Indikatorn finns inte\./ },
		{ values: { targetValue: "10" }, message: /Indikator för målvärdet: Välj en indikator för målvärdet\./ },
		{ values: { targetIndicatorId: indicator.id, targetValue: "tio" }, message: /Målvärde: Skriv ett tal, till exempel 85 eller 12,5\./ },
		{ values: { decisionItemId: "inte-ett-id" }, message: /Beslut bakom målet: Beslutet finns inte\./ },
		{ values: { decisionItemId: randomUUID() }, message: /Beslut bakom målet: Beslutet finns inte\./ },
		{ values: { title: "" }, message: /Mål: Fyll i fältet\./ },
		{ values: { periodStart: "2019-02-30" }, message: /Perioden börjar: Skriv ett datum som ÅÅÅÅ-MM-DD\./ },
	];
	for (const c of cases) {
		const title = c.values.title ?? `Felaktigt mål ${randomUUID().slice(0, 6)}`;
		const res = await member.post(`/aktorer/${org.id}/mal/ny`, goalForm(area.id, { title, description: "Texten finns kvar", ...c.values }));
		assert.equal(res.statusCode, 422, JSON.stringify(c.values));
		assert.match(res.body, /Det finns fel i formuläret/);
		assert.match(res.body, c.message);
		assert.match(res.body, />Texten finns kvar<\/textarea>/, "what was typed is kept");
		if (title) assert.ok(res.body.includes(`value="${title}"`));
		if (c.values.targetValue) assert.ok(res.body.includes(`value="${c.values.targetValue}"`), "the target value is kept");
		if (title) assert.equal((await goalsTitled(title)).length, 0, "nothing stored");
	}
});

test("a joint initiative's owners add goals in its area or their own; others may not", async () => {
	const { org, area, notChosen, member } = await world();
	const partner = await createOrganisation(db);
	const initiativeArea = await createFocusArea(db, programme.id);
	const initiative = await createInitiative(db, programme.id, initiativeArea.id, { title: "Gemensam skidspårsatsning", ownerIds: [org.id, partner.id] });

	const form = await member.get(`/initiativ/${initiative.id}/mal/ny`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Nytt mål för Gemensam skidspårsatsning<\/h1>/);
	for (const [areaId, title] of [
		[initiativeArea.id, "Initiativmål i initiativets område"],
		[area.id, "Initiativmål i ägarens område"],
	] as const) {
		const res = await member.post(`/initiativ/${initiative.id}/mal/ny`, goalForm(areaId, { title }));
		assert.equal(res.statusCode, 303, title);
		const [goal] = await goalsTitled(title);
		assert.equal(goal!.initiativeId, initiative.id);
		assert.equal(goal!.organisationId, null);
	}
	const refused = await member.post(`/initiativ/${initiative.id}/mal/ny`, goalForm(notChosen.id, { title: "Utanför" }));
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Ägaren arbetar inte inom det fokusområdet\./);

	const [goal] = await goalsTitled("Initiativmål i initiativets område");
	const page = await new TestClient(app).get(`/mal/${goal!.id}`);
	assert.ok(page.body.includes(`<a href="/initiativ/${initiative.id}">Gemensam skidspårsatsning</a>`), "the owner links to the initiative");
	const partnerMember = await clientFor({ organisationId: partner.id, role: "member" });
	assert.equal((await partnerMember.post(`/mal/${goal!.id}/status`, { status: "on_track", changedOn: "2020-01-01", reason: "" })).statusCode, 303);

	const outsider = await clientFor({ organisationId: (await createOrganisation(db)).id, role: "admin" });
	assert.equal((await outsider.get(`/initiativ/${initiative.id}/mal/ny`)).statusCode, 403);
	assert.equal((await outsider.post(`/initiativ/${initiative.id}/mal/ny`, goalForm(initiativeArea.id, { title: "Otillåtet initiativmål" }))).statusCode, 403);
	assert.equal((await outsider.post(`/mal/${goal!.id}/andra`, goalForm(initiativeArea.id, { title: "Otillåtet initiativmål" }))).statusCode, 403);
	assert.equal((await goalsTitled("Otillåtet initiativmål")).length, 0);
});

test("every write to a goal is refused to everyone but the owner's members and admins", async () => {
	const { org, area } = await world();
	const goal = await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Skyddat mål" });
	const [activity] = await db.insert(s.goalActivities).values({ goalId: goal.id, title: "Aktivitet", startsOn: "2019-01-01", endsOn: "2019-02-01" }).returning();
	const writes: [string, Record<string, string>][] = [
		[`/aktorer/${org.id}/mal/ny`, goalForm(area.id, { title: "Otillåtet mål" })],
		[`/mal/${goal.id}/delmal/ny`, goalForm(area.id, { title: "Otillåtet mål", parentId: goal.id })],
		[`/mal/${goal.id}/andra`, goalForm(area.id, { title: "Otillåtet mål" })],
		[`/mal/${goal.id}/status`, { status: "achieved", changedOn: "2020-01-01", reason: "" }],
		[`/mal/${goal.id}/aktiviteter/ny`, { title: "Otillåten", startsOn: "2019-01-01", endsOn: "2019-01-02", status: "on_track", owner: "" }],
		[`/mal/${goal.id}/aktiviteter/${activity!.id}/andra`, { title: "Otillåten", startsOn: "2019-01-01", endsOn: "2019-01-02", status: "on_track", owner: "" }],
	];
	const coordinatorAdmin = await clientFor({ organisationId: coordinator.id, role: "admin" });
	const refused: [string, TestClient, number][] = [
		["anonymous", new TestClient(app), 303],
		["resident", await clientFor(), 403],
		["member of another organisation", await clientFor({ organisationId: (await createOrganisation(db)).id, role: "admin" }), 403],
		["coordinator", coordinatorAdmin, 403],
		["administrator of the installation", await clientFor(undefined, { isAdministrator: true }), 403],
	];
	for (const [who, client, status] of refused) {
		for (const [url, form] of writes) {
			assert.equal((await client.get(url)).statusCode, status, `${who} GET ${url}`);
			assert.equal((await client.post(url, form)).statusCode, status, `${who} POST ${url}`);
		}
		assert.equal((await client.post(writes[2]![0], { title: "" })).statusCode, status, `${who}: no form errors before the permission check`);
	}
	assert.equal((await goalsTitled("Otillåtet mål")).length, 0);
	const [unchanged] = await db.select().from(s.goals).where(eq(s.goals.id, goal.id));
	assert.deepEqual([unchanged!.status, unchanged!.version], ["not_started", 1]);
	const anonymous = await new TestClient(app).get(`/mal/${goal.id}/andra`);
	assert.equal(anonymous.headers.location, `/sign-in?next=${encodeURIComponent(`/mal/${goal.id}/andra`)}`);

	for (const role of ["member", "admin"] as const) {
		const client = await clientFor({ organisationId: org.id, role });
		for (const [url, form] of writes) {
			assert.equal((await client.get(url)).statusCode, 200, `${role} GET ${url}`);
			assert.equal((await client.post(url, { ...form, title: `Tillåtet av ${role}` })).statusCode, 303, `${role} POST ${url}`);
		}
	}
});

test("the coordinator and other actors' members comment on a goal; residents and the anonymous may not", async () => {
	const { area } = await world();
	const goal = await createGoal(db, programme.id, area.id, { title: "Kommenterat mål" });
	const other = await createOrganisation(db, { name: `Skidklubben ${randomUUID().slice(0, 4)}` });

	const coordinatorAdmin = await clientFor({ organisationId: coordinator.id, role: "admin" });
	const page = await coordinatorAdmin.get(`/mal/${goal.id}`);
	assert.match(page.body, /<label for="field-body">Kommentar/);
	assert.doesNotMatch(page.body, /Ändra målet/, "the coordinator may comment but not edit");
	const empty = await coordinatorAdmin.post(`/mal/${goal.id}/kommentarer`, { body: "  " });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Kommentar: Fyll i fältet\./);
	assert.equal((await coordinatorAdmin.post(`/mal/${goal.id}/kommentarer`, { body: "Bra mål, hör av er om arenan." })).statusCode, 303);
	const otherMember = await clientFor({ organisationId: other.id, role: "member" });
	assert.equal((await otherMember.post(`/mal/${goal.id}/kommentarer`, { body: "Vi vill gärna samarbeta." })).statusCode, 303);

	const resident = await clientFor();
	assert.equal((await resident.post(`/mal/${goal.id}/kommentarer`, { body: "Får jag?" })).statusCode, 403);
	assert.doesNotMatch((await resident.get(`/mal/${goal.id}`)).body, /field-body/);
	const anonymous = await new TestClient(app).post(`/mal/${goal.id}/kommentarer`, { body: "Anonymt" });
	assert.equal(anonymous.statusCode, 303);
	assert.match(String(anonymous.headers.location), /^\/sign-in/);

	const shown = await new TestClient(app).get(`/mal/${goal.id}`);
	assert.ok(shown.body.includes(`Från ${coordinator.name}`));
	assert.ok(shown.body.includes(`Från ${other.name}`));
	assert.match(shown.body, /Vi vill gärna samarbeta\./);
	assert.doesNotMatch(shown.body, /Får jag\?|Anonymt/);
	assert.doesNotMatch(shown.body, /@example\.se/);
});

test("the goal list filters by focus area, organisation and status and searches in Swedish", async () => {
	const { org, area, second } = await world();
	const initiative = await createInitiative(db, programme.id, second.id, { title: "Samverkan", ownerIds: [org.id] });
	await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Skolan öppen för föreningar", status: "on_track" });
	await createGoal(db, programme.id, second.id, { organisationId: org.id, title: "Tryggare vägar", status: "at_risk" });
	await createGoal(db, programme.id, second.id, { initiativeId: initiative.id, title: "Gemensamt spår" });
	const client = new TestClient(app);

	const all = await client.get("/mal");
	assert.equal(all.statusCode, 200);
	assert.match(all.body, /<h1>Mål<\/h1>/);
	assert.match(all.body, /<caption>Mål med ägare, period och status<\/caption>/);
	const titles = (body: string) => ["Skolan öppen för föreningar", "Tryggare vägar", "Gemensamt spår"].filter((t) => body.includes(`>${t}</a>`));

	assert.deepEqual(titles((await client.get(`/mal?focusArea=${area.id}`)).body), ["Skolan öppen för föreningar"]);
	assert.deepEqual(titles((await client.get(`/mal?organisation=${org.id}`)).body), ["Skolan öppen för föreningar", "Tryggare vägar", "Gemensamt spår"]);
	assert.deepEqual(titles((await client.get(`/mal?organisation=${org.id}&status=at_risk`)).body), ["Tryggare vägar"]);
	const search = await client.get(`/mal?q=${encodeURIComponent("förening")}&organisation=${org.id}`);
	assert.deepEqual(titles(search.body), ["Skolan öppen för föreningar"], "Swedish stemming finds föreningar from förening");
	assert.match(search.body, /value="förening"/);
	assert.equal((await client.get("/mal?focusArea=trasigt&status=okand&organisation=1")).statusCode, 200, "bad filters are ignored");

	client.cookies.set("lang", "en");
	const en = await client.get(`/mal?organisation=${org.id}`);
	assert.match(en.body, /<h1>Goals<\/h1>/);
	assert.match(en.body, /3 goals/);
	assert.match(en.body, /<span aria-hidden="true">⚠<\/span> At risk/);
});

test("unknown or malformed goal ids are not found, on every page", async () => {
	const { org, area } = await world();
	const member = await clientFor({ organisationId: org.id, role: "admin" });
	const goal = await createGoal(db, programme.id, area.id, { organisationId: org.id });
	for (const id of [randomUUID(), "not-a-uuid", "1", "%27%3B--"]) {
		for (const url of [`/mal/${id}`, `/mal/${id}/andra`, `/mal/${id}/status`, `/mal/${id}/delmal/ny`, `/mal/${id}/aktiviteter/ny`, `/aktorer/${id}/mal/ny`, `/initiativ/${id}/mal/ny`, `/mal/${goal.id}/aktiviteter/${id}/andra`]) {
			assert.equal((await member.get(url)).statusCode, 404, url);
		}
		assert.equal((await member.post(`/mal/${id}/kommentarer`, { body: "Hej" })).statusCode, 404);
		assert.equal((await member.post(`/mal/${id}/status`, { status: "achieved", changedOn: "2020-01-01" })).statusCode, 404);
	}
});

test("an organisation waiting for approval keeps its goals to itself until the coordinator approves it", async () => {
	const { org, area, member } = await world();
	await db.update(s.organisations).set({ status: "pending" }).where(eq(s.organisations.id, org.id));
	const goal = await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Ett mål som väntar på godkännande" });
	const visitor = new TestClient(app);
	assert.equal((await visitor.get(`/mal/${goal.id}`)).statusCode, 404);
	assert.doesNotMatch((await visitor.get("/mal")).body, /väntar på godkännande/);
	assert.doesNotMatch((await visitor.get("/mal.json")).body, /väntar på godkännande/);
	assert.equal((await member.get(`/mal/${goal.id}`)).statusCode, 200);

	await db.update(s.organisations).set({ status: "active" }).where(eq(s.organisations.id, org.id));
	assert.equal((await visitor.get(`/mal/${goal.id}`)).statusCode, 200);
	assert.match((await visitor.get("/mal")).body, /väntar på godkännande/);
});
