import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import { createFocusArea, createGoal, createIndicator, createOrganisation, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { formatDate, todayInSweden } from "../../i18n/i18n.js";
import { type ForcedAnswer, startKoladaFixtureServer, testKoladaFixtures } from "../../../test/kolada-fixture-server.js";
import { flashMessage } from "../../../test/page-checks.js";
import * as s from "../../schema.js";
import { indicatorChoices, indicatorsInFocusArea, KoladaClient, syncKoladaIndicators } from "./index.js";

let koladaAnswer: ForcedAnswer | undefined;
const kolada = await startKoladaFixtureServer(testKoladaFixtures(), () => koladaAnswer);
after(() => kolada.close());
const { app, db } = await testApp({ koladaBaseUrl: kolada.baseUrl });
const { programme, coordinator } = await createProgramme(db);
const environment = await createFocusArea(db, programme.id, { name: "Vår miljö", position: 1 });
const safety = await createFocusArea(db, programme.id, { name: "En trygg bygd", position: 2 });

async function clientFor(values: Parameters<typeof createUser>[1] = {}): Promise<TestClient> {
	const client = new TestClient(app);
	await signInAs(client, db, (await createUser(db, values)).id);
	return client;
}

const coordinatorClient = () => clientFor({ memberOf: { organisationId: coordinator.id, role: "admin" } });

async function indicatorsTitled(title: string) {
	return db.select().from(s.indicators).where(eq(s.indicators.title, title));
}

async function areasOf(indicatorId: string): Promise<string[]> {
	const rows = await db.select().from(s.focusAreaIndicators).where(eq(s.focusAreaIndicators.indicatorId, indicatorId));
	return rows.map((r) => r.focusAreaId).sort();
}

test("the coordinator adds an indicator with a Kolada id and the focus areas that follow it, then changes it", async () => {
	const client = await coordinatorClient();
	const dashboard = await client.get("/admin");
	assert.ok(dashboard.body.includes('href="/admin/indikatorer"'), "a section of the administration");
	const form = await client.get("/admin/indikatorer/ny");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Ny indikator<\/h1>/);
	assert.match(form.body, /<legend>Fokusområden som följer indikatorn/);

	const body = new URLSearchParams({ title: "  Invånare totalt  ", unit: "antal", description: "Folkmängd 31 dec.", koladaKpi: "n01951" });
	body.append("focusAreaIds", environment.id);
	body.append("focusAreaIds", safety.id);
	const res = await client.post("/admin/indikatorer/ny", body);
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/admin/indikatorer");
	const [stored] = await indicatorsTitled("Invånare totalt");
	assert.deepEqual([stored!.unit, stored!.koladaKpi, stored!.programmeId, stored!.kind, stored!.byGender], ["antal", "N01951", programme.id, "kolada", true]);
	assert.deepEqual(await areasOf(stored!.id), [environment.id, safety.id].sort());

	const list = await client.get("/admin/indikatorer");
	assert.match(list.body, /<caption>Programmets indikatorer med enhet, Kolada-id och fokusområden<\/caption>/);
	assert.ok(list.body.includes(`<a href="/admin/indikatorer/${stored!.id}/andra">Invånare totalt</a>`));
	assert.match(list.body, /<td>N01951<\/td><td>Vår miljö, En trygg bygd<\/td>/);

	const edit = await client.get(`/admin/indikatorer/${stored!.id}/andra`);
	assert.match(edit.body, /<h1>Ändra indikatorn Invånare totalt<\/h1>/);
	assert.match(edit.body, new RegExp(`value="${safety.id}" checked`));
	const changed = new URLSearchParams({ title: "Invånare", unit: "antal", koladaKpi: "" });
	changed.append("focusAreaIds", safety.id);
	assert.equal((await client.post(`/admin/indikatorer/${stored!.id}/andra`, changed)).statusCode, 303);
	assert.equal(flashMessage((await client.get("/admin/indikatorer")).body), "Indikatorn är ändrad.");
	const [after] = await db.select().from(s.indicators).where(eq(s.indicators.id, stored!.id));
	assert.deepEqual([after!.title, after!.koladaKpi, after!.kind], ["Invånare", null, "own"]);
	assert.deepEqual(await areasOf(stored!.id), [safety.id]);
});

test("bad indicator input is shown with its message, keeps what was typed and stores nothing", async () => {
	await createIndicator(db, programme.id, { title: "Upptagen indikator" });
	const client = await coordinatorClient();
	const cases: { form: Record<string, string>; areas?: string[]; message: RegExp }[] = [
		{ form: { title: "", description: "Kvar" }, message: /Namn: Fyll i fältet\./ },
		{ form: { title: "Fel KPI", koladaKpi: "X1234", description: "Kvar" }, message: /Kolada-id \(KPI\): Skriv ett Kolada-id som N eller U följt av fem siffror/ },
		{ form: { title: "Fel KPI 2", koladaKpi: "N019510", description: "Kvar" }, message: /Skriv ett Kolada-id/ },
		{ form: { title: "Upptagen indikator", description: "Kvar" }, message: /Namn: Det namnet används redan\./ },
		{ form: { title: "Okänt område", description: "Kvar" }, areas: [randomUUID()], message: /Fokusområdet finns inte\./ },
		{ form: { title: "Trasigt område", description: "Kvar" }, areas: ["inte-ett-id"], message: /Fokusområdet finns inte\./ },
	];
	for (const c of cases) {
		const body = new URLSearchParams(c.form);
		body.append("focusAreaIds", environment.id);
		for (const a of c.areas ?? []) body.append("focusAreaIds", a);
		const res = await client.post("/admin/indikatorer/ny", body);
		assert.equal(res.statusCode, 422, c.form.title);
		assert.match(res.body, c.message);
		assert.match(res.body, />Kvar<\/textarea>/);
		assert.match(res.body, new RegExp(`value="${environment.id}" checked`), "chosen areas stay checked");
		if (c.form.koladaKpi) assert.ok(res.body.includes(`value="${c.form.koladaKpi}"`));
		if (c.form.title && c.form.title !== "Upptagen indikator") assert.equal((await indicatorsTitled(c.form.title)).length, 0);
	}
});

test("only the coordinator (or the administrator) administers indicators", async () => {
	const indicator = await createIndicator(db, programme.id);
	const member = await clientFor({ memberOf: { organisationId: (await createOrganisation(db)).id, role: "admin" } });
	const resident = await clientFor();
	for (const client of [member, resident]) {
		for (const url of ["/admin/indikatorer", "/admin/indikatorer/ny", `/admin/indikatorer/${indicator.id}/andra`]) assert.equal((await client.get(url)).statusCode, 403, url);
		assert.equal((await client.post("/admin/indikatorer/ny", { title: "Otillåten" })).statusCode, 403);
		assert.equal((await client.post(`/admin/indikatorer/${indicator.id}/andra`, { title: "Otillåten" })).statusCode, 403);
	}
	assert.equal((await indicatorsTitled("Otillåten")).length, 0);
	const anonymous = await new TestClient(app).get("/admin/indikatorer");
	assert.equal(anonymous.statusCode, 303);
	assert.equal((await (await clientFor({ isAdministrator: true })).get("/admin/indikatorer")).statusCode, 200);

	const client = await coordinatorClient();
	for (const id of [randomUUID(), "nej"]) {
		assert.equal((await client.get(`/admin/indikatorer/${id}/andra`)).statusCode, 404);
		assert.equal((await client.post(`/admin/indikatorer/${id}/andra`, { title: "X" })).statusCode, 404);
	}
});

test("the indicators of a focus area and the choices for a goal's target", async () => {
	const area = await createFocusArea(db, programme.id, { name: "Attrahera arbetskraft", position: 3 });
	const b = await createIndicator(db, programme.id, { title: "Öppet arbetslösa", unit: "procent", focusAreaIds: [area.id] });
	const a = await createIndicator(db, programme.id, { title: "Nystartade företag", unit: "antal per 1 000 inv.", focusAreaIds: [area.id] });
	await createIndicator(db, programme.id, { title: "Annat område", focusAreaIds: [environment.id] });
	assert.deepEqual(
		(await indicatorsInFocusArea(db, area.id)).map((i) => i.id),
		[a.id, b.id],
	);
	assert.deepEqual(await indicatorsInFocusArea(db, "trasig"), []);
	const choices = await indicatorChoices(db, programme.id);
	assert.deepEqual(
		choices.find((c) => c.id === b.id),
		{ id: b.id, title: "Öppet arbetslösa", unit: "procent" },
	);
});

test("a Kolada key figure takes its name, description, unit and gender split from Kolada and follows the chosen peers; baseline and target accept a decimal comma", async () => {
	const client = await coordinatorClient();
	const body = new URLSearchParams({ koladaKpi: "U00442", peerMunicipalities: "2418, 2403 2418", baselineValue: "84,5", baselineYear: "2018", targetValue: "95", targetYear: "2024", better: "higher" });
	body.append("focusAreaIds", environment.id);
	const res = await client.post("/admin/indikatorer/ny", body);
	assert.equal(res.statusCode, 303, res.body);
	const [stored] = await indicatorsTitled("Andel som får svar på e-post inom en arbetsdag, %");
	assert.ok(stored, "Kolada's title when none is typed");
	assert.match(stored.description, /enkel fråga via e-post/);
	assert.equal(stored.unit, "%", "the unit ending Kolada's title when none is typed");
	assert.deepEqual([stored.kind, stored.byGender, stored.peerMunicipalities, stored.baselineValue, stored.baselineYear, stored.targetValue, stored.targetYear, stored.better], ["kolada", false, ["2418", "2403"], "84.5", 2018, "95", 2024, "higher"]);
	assert.deepEqual(stored.municipalityNames, { "2417": "Norsjö", "0000": "Riket", "2418": "Malå", "2403": "Bjurholm" });
	const edit = await client.get(`/admin/indikatorer/${stored.id}/andra`);
	assert.ok(edit.body.includes('value="2418, 2403"'), "the peers are shown for changing");
});

test("an organisation's own measure says how it is measured and who reports it", async () => {
	const client = await coordinatorClient();
	const body = { title: "Deltagare i byavandringar", unit: "antal", measuredHow: "Räknas vid varje vandring.", reportedBy: "Norsjö byaråd", baselineValue: "40", baselineYear: "2019", targetValue: "10", targetYear: "2022", better: "lower" };
	assert.equal((await client.post("/admin/indikatorer/ny", body)).statusCode, 303);
	const [stored] = await indicatorsTitled(body.title);
	assert.deepEqual([stored!.kind, stored!.koladaKpi, stored!.measuredHow, stored!.reportedBy, stored!.better], ["own", null, body.measuredHow, body.reportedBy, "lower"]);
});

test("a Kolada id or municipality Kolada does not know, and baselines and targets that do not fit, get a clear message and lose nothing", async () => {
	const client = await coordinatorClient();
	const cases: { form: Record<string, string>; field: string; message: RegExp }[] = [
		{ form: { koladaKpi: "N99999" }, field: "koladaKpi", message: /Kolada har inget nyckeltal med id N99999\./ },
		{ form: { koladaKpi: "N01951", peerMunicipalities: "2418, 9999" }, field: "peerMunicipalities", message: /Kolada har ingen kommun med id 9999\./ },
		{ form: { koladaKpi: "N01951", peerMunicipalities: "Malå" }, field: "peerMunicipalities", message: /Skriv kommunernas Kolada-id som fyra siffror/ },
		{ form: { baselineValue: "4,5", baselineYear: "2020", targetValue: "5", targetYear: "2019", better: "higher" }, field: "targetYear", message: /Målåret kan inte ligga före utgångsåret\./ },
		{ form: { baselineValue: "fyra" }, field: "baselineValue", message: /Skriv ett tal, till exempel 4,5/ },
		{ form: { targetValue: "5", targetYear: "2024" }, field: "better", message: /Välj om ett högre eller ett lägre värde är bättre\./ },
		{ form: { baselineValue: "5" }, field: "baselineYear", message: /Skriv året som värdet gäller\./ },
	];
	for (const c of cases) {
		const form = { title: `Fel ${c.field}`, description: "Kvar", ...c.form };
		const res = await client.post("/admin/indikatorer/ny", form);
		assert.equal(res.statusCode, 422, JSON.stringify(c.form));
		assert.match(res.body, c.message);
		assert.ok(res.body.includes(`id="error-${c.field}"`), `the message is at ${c.field}`);
		assert.match(res.body, />Kvar<\/textarea>/);
		for (const value of Object.values(c.form)) assert.ok(res.body.includes(`value="${value}"`), `${value} is kept`);
		assert.equal((await indicatorsTitled(form.title)).length, 0);
	}
});

test("when Kolada does not answer, the Kolada id cannot be checked: the coordinator is told so and keeps what was typed", async () => {
	const client = await coordinatorClient();
	koladaAnswer = { status: 503, body: "" };
	try {
		const res = await client.post("/admin/indikatorer/ny", { koladaKpi: "N01951", title: "Folkmängd", peerMunicipalities: "2418" });
		assert.equal(res.statusCode, 422);
		assert.match(res.body, /Kolada svarar inte just nu/);
		assert.ok(res.body.includes('value="Folkmängd"') && res.body.includes('value="2418"'));
	} finally {
		koladaAnswer = undefined;
	}
	assert.equal((await indicatorsTitled("Folkmängd")).length, 0);
	const { statusCode } = await client.post("/admin/indikatorer/ny", { koladaKpi: "N01951", title: "Folkmängd" });
	assert.equal(statusCode, 303, "saved once Kolada answers");
	const [saved] = await indicatorsTitled("Folkmängd");
	koladaAnswer = { status: 503, body: "" };
	try {
		const edit = { koladaKpi: "N01951", title: "Folkmängd", targetValue: "4200", targetYear: "2030", better: "higher" };
		assert.equal((await client.post(`/admin/indikatorer/${saved!.id}/andra`, edit)).statusCode, 303, "a target is set while Kolada is down: the key figure was checked before");
	} finally {
		koladaAnswer = undefined;
	}
	assert.equal((await indicatorsTitled("Folkmängd"))[0]!.targetValue, "4200");
});

test("the latest value per municipality, with its year, is shown on the focus area's page and on the page of a goal that targets the indicator", async () => {
	const area = await createFocusArea(db, programme.id, { name: "Befolkning", position: 4 });
	const population = await createIndicator(db, programme.id, { title: "Invånare totalt", unit: "antal", koladaKpi: "N01951", focusAreaIds: [area.id], municipalityNames: { "2417": "Norsjö", "0000": "Riket" } });
	await createIndicator(db, programme.id, { title: "Eget mått utan värden", focusAreaIds: [area.id] });
	const goal = await createGoal(db, programme.id, area.id, { title: "Fler invånare", targetIndicatorId: population.id, targetValue: "4200", targetYear: 2030 });
	await syncKoladaIndicators(db, new KoladaClient({ baseUrl: kolada.baseUrl, minIntervalMs: 0 }), { years: [2017, 2018] });
	const expected = /<caption>Senaste värden för Invånare totalt<\/caption>.*<th scope="col">Värde \(antal\)<\/th>.*<th scope="row">Norsjö<\/th><td>2018<\/td><td>4\u00a0094<\/td>.*<th scope="row">Riket<\/th><td>2018<\/td><td>10\u00a0230\u00a0546<\/td>/s;
	const areaPage = await new TestClient(app).get(`/fokusomraden/${area.id}`);
	assert.match(areaPage.body, expected);
	assert.equal(areaPage.body.match(/<caption>Senaste värden/g)!.length, 1, "an own measure has no Kolada table");
	const goalPage = await new TestClient(app).get(`/mal/${goal.id}`);
	assert.match(goalPage.body, expected);
});

test("the coordinator compares a Kolada indicator with one of Kolada's municipality groups; an unknown or unclear group is refused at its field", async () => {
	const client = await coordinatorClient();
	const unknown = await client.post("/admin/indikatorer/ny", { koladaKpi: "N01951", title: "Invånare i länet", peerGroup: "Kommuner i Lapplands län" });
	assert.equal(unknown.statusCode, 422);
	assert.match(unknown.body, /id="error-peerGroup">Kolada har ingen kommungrupp som heter Kommuner i Lapplands län\./);
	assert.ok(unknown.body.includes('value="Invånare i länet"'), "what was typed is kept");
	const unclear = await client.post("/admin/indikatorer/ny", { koladaKpi: "N01951", title: "Invånare i länet", peerGroup: "kommuner i väster" });
	assert.match(unclear.body, /id="error-peerGroup">2 kommungrupper i Kolada passar: Kommuner i Västerbottens län; Kommuner i Västernorrlands län\./);

	const body = new URLSearchParams({ koladaKpi: "N01951", title: "Invånare i länet", peerGroup: "kommuner i västerbottens län" });
	body.append("focusAreaIds", environment.id);
	assert.equal((await client.post("/admin/indikatorer/ny", body)).statusCode, 303);
	const [stored] = await indicatorsTitled("Invånare i länet");
	assert.deepEqual(stored!.peerMunicipalities, ["2418", "2403"], "the group's members but the municipality itself");
	assert.deepEqual(stored!.peerGroup, { id: "G124073", title: "Kommuner i Västerbottens län", memberIds: ["2417", "2418", "2403"] });
	const edit = await client.get(`/admin/indikatorer/${stored!.id}/andra`);
	assert.match(edit.body, /name="peerMunicipalities"[^>]*value aria/, "the group's members are not repeated as typed peers");
	assert.match(edit.body, /name="peerGroup"[^>]*value="Kommuner i Västerbottens län"/);

	await syncKoladaIndicators(db, new KoladaClient({ baseUrl: kolada.baseUrl, minIntervalMs: 0 }), { years: [2018] });
	const page = await new TestClient(app).get(`/fokusomraden/${environment.id}`);
	assert.match(page.body, /<caption>Senaste värden för Invånare i länet<\/caption>.*<th scope="row">Norsjö<\/th>.*<th scope="row">Riket<\/th>/s);
	assert.match(page.body, /Jämförelsekommunerna är Koladas kommungrupp Kommuner i Västerbottens län\./);

	// Without the group its members go, the typed peer stays.
	assert.equal((await client.post(`/admin/indikatorer/${stored!.id}/andra`, { koladaKpi: "N01951", title: "Invånare i länet", peerMunicipalities: "2403" })).statusCode, 303);
	const [changed] = await indicatorsTitled("Invånare i länet");
	assert.deepEqual([changed!.peerMunicipalities, changed!.peerGroup], [["2403"], null]);
});

test("a value Kolada revised is marked, in words, with the value before and the day it changed, on the focus area's page, the goal's page and the public follow-up report", async () => {
	const fixtures = testKoladaFixtures();
	const revising = await startKoladaFixtureServer(fixtures);
	after(() => revising.close());
	const sync = () => syncKoladaIndicators(db, new KoladaClient({ baseUrl: revising.baseUrl, minIntervalMs: 0 }), { years: [2017, 2018] });
	const area = await createFocusArea(db, programme.id, { name: "Folkmängd", position: 5 });
	const population = await createIndicator(db, programme.id, { title: "Folkmängd i Norsjö", unit: "antal", koladaKpi: "N01951", focusAreaIds: [area.id], municipalityNames: { "2417": "Norsjö", "0000": "Riket" } });
	const goal = await createGoal(db, programme.id, area.id, { title: "Fler bor kvar", targetIndicatorId: population.id, periodStart: "2018-01-01", periodEnd: "2022-12-31" });
	await sync();
	const english = new TestClient(app);
	await english.get("/language/en?next=/");
	const areaPage = async (lang = "sv") => (await (lang === "en" ? english : new TestClient(app)).get(`/fokusomraden/${area.id}`)).body;
	assert.doesNotMatch(await areaPage(), /reviderat/, "nothing is marked before Kolada revises");

	// Kolada revises Norsjö's population for 2018.
	const item = fixtures.items.find((i) => i.kpi === "N01951" && i.municipality === "2417" && i.period === 2018)!;
	(item.values as { gender: string; value: number }[]).find((v) => v.gender === "T")!.value = 4095;
	await sync();
	const today = todayInSweden();
	const sv = `4\u00a0095<small class="meta revised"> (reviderat från 4\u00a0094 den ${formatDate("sv", today)})</small>`;
	assert.ok((await areaPage()).includes(`<th scope="row">Norsjö</th><td>2018</td><td>${sv}</td>`));
	assert.ok((await areaPage("en")).includes(`4,095<small class="meta revised"> (revised from 4,094 on ${formatDate("en", today)})</small>`));
	assert.match(await areaPage(), /<th scope="row">Riket<\/th><td>2018<\/td><td>10\u00a0230\u00a0546<\/td>/, "a value not revised is not marked");
	assert.ok((await new TestClient(app).get(`/mal/${goal.id}`)).body.includes(sv));

	const coordinator = await coordinatorClient();
	const round = await coordinator.post("/admin/uppfoljning", { title: "Uppföljning 2018", periodStart: "2018-01-01", periodEnd: "2018-12-31", deadline: "2099-12-31" });
	const roundId = round.headers.location!.split("/").pop()!;
	assert.equal((await coordinator.post(`/admin/uppfoljning/${roundId}/oppna`, {})).statusCode, 303);
	assert.equal((await coordinator.post(`/admin/uppfoljning/${roundId}/publicera`, {})).statusCode, 303);
	const report = (await new TestClient(app).get(`/uppfoljning/${roundId}`)).body;
	assert.match(report, new RegExp(`<caption>[^<]*Folkmängd i Norsjö</caption>.*<th scope="row">2018</th><td class="num">${sv.replace(/[()]/g, "\\$&")}</td>`, "s"));
	assert.ok((await english.get(`/uppfoljning/${roundId}`)).body.includes(`(revised from 4,094 on ${formatDate("en", today)})`));
});

test("each sync takes the peer group's members as Kolada has them now: a municipality that joins the group is compared, one that leaves is not", async () => {
	const fixtures = testKoladaFixtures();
	const changing = await startKoladaFixtureServer(fixtures);
	after(() => changing.close());
	const sync = () => syncKoladaIndicators(db, new KoladaClient({ baseUrl: changing.baseUrl, minIntervalMs: 0 }), { years: [2018] });
	// Kolada's data for Bjurholm and for Sorsele, which is not yet in the group.
	const population = (municipality: string, value: number) => ({ kpi: "N01951", municipality, period: 2018, values: [{ gender: "T", count: 1, status: "", value }] });
	fixtures.items.push(population("2403", 2450), population("2422", 2512));
	fixtures.municipalities.push({ id: "2422", title: "Sorsele", type: "K" });
	const area = await createFocusArea(db, programme.id, { name: "Grannar", position: 6 });
	const client = await coordinatorClient();
	const body = new URLSearchParams({ koladaKpi: "N01951", title: "Invånare hos grannarna", peerGroup: "G124073" });
	body.append("focusAreaIds", area.id);
	assert.equal((await client.post("/admin/indikatorer/ny", body)).statusCode, 303, "the group is found by its Kolada id");

	await sync();
	const page = async () => (await new TestClient(app).get(`/fokusomraden/${area.id}`)).body;
	const first = await page();
	assert.match(first, /<th scope="row">Bjurholm<\/th><td>2018<\/td><td>2\u00a0450<\/td>/);
	assert.match(first, /Gruppen har nu dessa kommuner \(hämtas på nytt från Kolada vid varje synkronisering\): Norsjö, Malå, Bjurholm\./);
	assert.doesNotMatch(first, /Sorsele/);

	// In Kolada, Sorsele joins the group and Bjurholm leaves it.
	const group = fixtures.municipalityGroups!.find((g) => g.id === "G124073")!;
	group.members = [
		{ member_id: "2417", member_title: "Norsjö" },
		{ member_id: "2418", member_title: "Malå" },
		{ member_id: "2422", member_title: "Sorsele" },
	];
	await sync();
	const second = await page();
	assert.match(second, /<th scope="row">Sorsele<\/th><td>2018<\/td><td>2\u00a0512<\/td>/, "the new peer's value is fetched and shown");
	assert.match(second, /Gruppen har nu dessa kommuner \(hämtas på nytt från Kolada vid varje synkronisering\): Norsjö, Malå, Sorsele\./);
	assert.doesNotMatch(second, /Bjurholm/, "the municipality that left is no longer compared");
	const [stored] = await indicatorsTitled("Invånare hos grannarna");
	assert.deepEqual(stored!.peerMunicipalities, ["2418", "2422"]);
});
