// The bundled demo must reproduce Norsjö kommun's council protocol of 2019-02-04 (KS §15, §16) faithfully.
// The expected texts below are transcribed from the protocol itself, not from the demo data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);

const protocolProposals = [
	{
		number: 1,
		title: "Samlad kraft ger trygghet och utveckling",
		subtext:
			"Norsjöbygden är välmående och går sin egen väg. Med gemensam kraftsamling och stort engagemang skapar vi tillsammans en trygg och hållbar livsmiljö – både nu och för kommande generationer",
	},
	{
		number: 2,
		title: "Hela Norsjöbygden lever och blomstrar",
		subtext: "Engagemang, öppenhet, mod och ny teknik leder oss in på nya vägar och ger oss ständigt nya möjligheter",
	},
	{
		number: 3,
		title: "En plats för fler som tänker nytt och nära",
		subtext:
			"Norsjöbygden är en plats att längta till för fler. En kulturbygd i utveckling som vågar tänka nytt. Ett hem och en besöksanledning för alla som vill komma närmare varandra och naturen.",
	},
	{
		number: 4,
		title: "En plats dit fler längtar att få vara",
		subtext: "En stolt kulturbygd där fler hittar till världens bästa friluftsliv. Norsjöbygden blomstrar, utvecklas och välkomnar nya människor och idéer.",
	},
	{
		number: 5,
		title: "Världens bästa vardag",
		subtext: "Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet och mod välkomnar vi besökare, bosättare och etablerare.",
	},
];

// As amended on Magnus Eriksson's (S) motion: "Med öppenhet och mod" became "Med öppenhet, mod och ny teknik".
const adoptedSubtext =
	"Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet, mod och ny teknik välkomnar vi besökare, bosättare och etablerare.";

const protocolFocusAreas = [
	"Människan i fokus",
	"Hög service och gott värdskap",
	"Attrahera, rekrytera och behåll arbetskraft",
	"Vår miljö",
	"En trygg bygd",
	"En rik och attraktiv fritid",
];

test("the demo programme: Norsjö kommun coordinates, municipality code 2417, 4 094 residents (SCB, 2018-12-31)", async () => {
	const client = new TestClient(app);
	const programme = (await client.get("/api/v1/programme")).json();
	assert.equal(programme.name, "Framtidsprogrammet");
	assert.equal(programme.community, "Norsjöbygden");
	assert.equal(programme.municipalityCode, "2417");
	assert.equal(programme.population, 4094);
	assert.equal(programme.populationDate, "2018-12-31");
	assert.equal(programme.populationSource, "SCB");
	assert.equal(programme.horizonYear, 2030);
	assert.equal(programme.coordinator.name, "Norsjö kommun");
	assert.ok(programme.phases.some((p: { startsOn: string; endsOn: string }) => p.startsOn === "2019-01-08" && p.endsOn === "2019-01-20"));

	const start = await client.get("/");
	assert.match(start.body, /4\u00a0094 invånare \(31 december 2018, källa: SCB\)/);
	assert.match(start.body, /<dd>Norsjö kommun<\/dd>/);
});

test("the demo vision page: the adopted vision, the five proposals word for word, the advisory vote of 8–20 January 2019", async () => {
	const client = new TestClient(app);
	const page = await client.get("/vision");
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<p class="vision-title">Världens bästa vardag<\/p>/);
	assert.ok(page.body.includes(`<p class="lead">${adoptedSubtext}</p>`));
	assert.match(page.body, /Antagen 4 februari 2019\./);
	let at = 0;
	for (const p of protocolProposals) {
		const heading = `<h3>Förslag ${p.number}: <span>${p.title}</span></h3><p>${p.subtext}</p>`;
		const found = page.body.indexOf(heading, at);
		assert.ok(found > at, `proposal ${p.number} word for word and in order`);
		at = found;
	}
	assert.ok(page.body.indexOf("Blev den antagna visionen") > page.body.indexOf("Förslag 5: "));
	assert.match(page.body, /8–20 januari 2019/);
	assert.match(page.body, /<dd>Rådgivande<\/dd>/);

	await client.get("/language/en?next=/vision");
	const en = await client.get("/vision");
	assert.match(en.body, /8\s–\s20 January 2019/u);
	assert.match(en.body, /<dd>Advisory<\/dd>/);

	const api = (await client.get("/api/v1/vision")).json();
	assert.equal(api.vision.title, "Världens bästa vardag");
	assert.equal(api.vision.subtext, adoptedSubtext);
	assert.equal(api.vote.firstDay, "2019-01-08");
	assert.equal(api.vote.lastDay, "2019-01-20");
	assert.equal(api.vote.advisory, true);

	const proposals = (await client.get("/api/v1/proposals")).json() as { number: number; title: string; subtext: string; adopted: boolean }[];
	assert.deepEqual(
		proposals.map(({ number, title, subtext }) => ({ number, title, subtext })),
		protocolProposals,
	);
	assert.deepEqual(
		proposals.filter((p) => p.adopted).map((p) => p.number),
		[5],
	);
});

test("the demo's six focus areas carry the protocol's exact names, in its order", async () => {
	const client = new TestClient(app);
	const areas = (await client.get("/api/v1/focus-areas")).json() as { name: string }[];
	assert.deepEqual(
		areas.map((a) => a.name),
		protocolFocusAreas,
	);
	const page = await client.get("/fokusomraden");
	assert.equal(page.statusCode, 200);
	for (const name of protocolFocusAreas) assert.ok(page.body.includes(name), name);
});

test("the demo follows indicators in every focus area, with Kolada values 2015–2024 loaded through the sync and shown on the focus area's page", async () => {
	const rows = await db.select().from(s.indicators).orderBy(s.indicators.title);
	const areaIds = await db.select().from(s.focusAreaIndicators);
	const areas = await db.select().from(s.focusAreas).orderBy(s.focusAreas.position);
	for (const area of areas) assert.ok(areaIds.some((l) => l.focusAreaId === area.id), `an indicator in ${area.name}`);
	assert.ok(rows.some((i) => i.kind === "own" && i.reportedBy === "Norsjö föreningsråd"), "an organisation's own measure");
	const population = rows.find((i) => i.koladaKpi === "N01951")!;
	assert.equal(population.byGender, true, "the gender split comes from Kolada's metadata");
	const values = await db.select().from(s.indicatorValues).where(eq(s.indicatorValues.indicatorId, population.id));
	const total = (m: string, y: number) => values.find((v) => v.municipality === m && v.year === y && v.gender === "T")?.value;
	assert.equal(total("2417", 2018), "4094", "SCB's 4 094 residents on 2018-12-31");
	assert.deepEqual([...new Set(values.map((v) => v.year))].sort(), Array.from({ length: 10 }, (_, i) => String(2015 + i)).map(Number));
	assert.deepEqual([...new Set(values.map((v) => v.municipality))].sort(), ["0000", "2403", "2417", "2418", "2422"]);
	const page = await new TestClient(app).get(`/fokusomraden/${areaIds.find((l) => l.indicatorId === population.id)!.focusAreaId}`);
	assert.match(page.body, /<th scope="row">Norsjö<\/th><td>2024<\/td><td>3\u00a0962<small class="meta revised"> \(reviderat från 3\u00a0958 den [^)]+\)<\/small><\/td>.*<th scope="row">Riket<\/th><td>2024<\/td>.*<th scope="row">Malå<\/th><td>2024<\/td><td>2\u00a0990<\/td>/s);
	assert.match(page.body, /Jämförelsekommunerna är Koladas kommungrupp Glesbygdskommuner i Västerbotten \(demo\)\./);
});
