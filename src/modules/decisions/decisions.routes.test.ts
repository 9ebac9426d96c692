import assert from "node:assert/strict";
import { test } from "node:test";
import { TestClient, testApp } from "../../../test/helpers.js";
import { focusAreas as demoAreas } from "../../demo/norsjo.js";
import { seedDemo } from "../../demo/seed.js";

const { app, db } = await testApp();

test("without a programme the actors page, the focus areas and the adoptions are not found", async () => {
	const client = new TestClient(app);
	assert.equal((await client.get("/aktorer")).statusCode, 404);
	assert.equal((await client.get("/fokusomraden")).statusCode, 404);
	assert.equal((await client.get("/api/v1/adoptions")).statusCode, 404);
});

test("the Norsjö demo: the municipality and three later demo organisations stand behind the vision", async () => {
	await seedDemo(db);
	const client = new TestClient(app);

	const actors = await client.get("/aktorer");
	assert.equal(actors.statusCode, 200);
	assert.match(actors.body, /Norsjö kommun<\/a><\/th><td><time datetime="2019-02-04">4 februari 2019<\/time><\/td><td>Kommunfullmäktige<\/td><td>KS-18\/01483<\/td>/);
	assert.match(actors.body, new RegExp(`Fokusområden: ${demoAreas.map((a) => a.name).join(", ")}`));

	const areas = await client.get("/fokusomraden");
	let at = 0;
	for (const area of demoAreas) {
		const next = areas.body.indexOf(`>${area.name}</a></h2>`, at);
		assert.ok(next > at, `${area.name} in order`);
		at = next;
	}
	assert.match(areas.body, /Norsjö kommun, Norsjö Skidklubb \(demo\)|Norsjö Skidklubb \(demo\), Norsjö kommun|Norsjö kommun/);

	const api = await client.get("/api/v1/adoptions");
	assert.equal(api.statusCode, 200);
	const [adoption, ...rest] = api.json() as { organisation: { name: string }; decidedOn: string; body: string; reference: string }[];
	assert.deepEqual(
		rest.map((a) => [a.organisation.name, a.decidedOn]),
		[
			["Norsjö Skidklubb (demo)", "2019-04-15"],
			["Norsjö Trä AB (demo)", "2019-05-20"],
			["Norsjö skola (demo)", "2019-09-10"],
		],
	);
	assert.deepEqual(
		{ organisation: adoption?.organisation.name, decidedOn: adoption?.decidedOn, body: adoption?.body, reference: adoption?.reference },
		{ organisation: "Norsjö kommun", decidedOn: "2019-02-04", body: "Kommunfullmäktige", reference: "KS-18/01483" },
	);
});

test("the demo's protocol: KS 2019-01-07 § 14, KS 2019-02-04 §§ 15–16 with the motion, and KF's adoption", async () => {
	const client = new TestClient(app);
	const list = await client.get("/beslut");
	assert.equal(list.statusCode, 200);
	assert.match(list.body, /<h1>Beslut<\/h1>/);
	const meetingIds = [...list.body.matchAll(/href="\/beslut\/sammantraden\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
	let item15 = "";
	for (const id of meetingIds) {
		const meeting = await client.get(`/beslut/sammantraden/${id}`);
		assert.equal(meeting.statusCode, 200);
		item15 ||= /href="\/beslut\/paragrafer\/([0-9a-f-]{36})">§ 15 Ny vision för Norsjöbygden/.exec(meeting.body)?.[1] ?? "";
	}
	assert.ok(item15, "§ 15 is listed in a meeting");
	const page = await client.get(`/beslut/paragrafer/${item15}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>§ 15 Ny vision för Norsjöbygden<\/h1>/);
	assert.match(page.body, /KS-18\/01483/);
	assert.match(page.body, /Magnus Eriksson \(S\) yrkar ändring\./);
	assert.match(page.body, /<strong>Utfall:<\/strong> bifall/);
	assert.match(page.body, /<li>Katarzyna Wikström<\/li><li>Eleonore Hedman<\/li><li>Inger Johansson<\/li>/);
	assert.match(page.body, /Kommunstyrelsen 2019-01-07 § 14/);

	const vision = await client.get("/vision");
	assert.match(vision.body, /Med öppenhet<del><span class="visually-hidden">\[borttaget: <\/span> och<span class="visually-hidden">\]<\/span><\/del> mod välkomnar/);
	assert.match(vision.body, /Med öppenhet<ins><span class="visually-hidden">\[tillagt: <\/span>,<span class="visually-hidden">\]<\/span><\/ins> mod<ins><span class="visually-hidden">\[tillagt: <\/span> och ny teknik<span class="visually-hidden">\]<\/span><\/ins> välkomnar/);
	assert.match(vision.body, /Beslut som gäller detta/);

	const start = await client.get("/");
	assert.match(start.body, /<time datetime="2019-01-07">7 januari 2019<\/time>: <a href="\/beslut\/paragrafer\/[0-9a-f-]{36}">Kommunstyrelsen § 14, Framtidsprogrammet – visionsprocessen<\/a>/);
	assert.match(start.body, /Kommunfullmäktige § 5, Ny vision för Norsjöbygden/);

	const adoptions = await client.get("/visionen/antaganden");
	assert.equal(adoptions.statusCode, 200);
	assert.match(adoptions.body, /<h1>De som står bakom visionen<\/h1>/);
	assert.match(adoptions.body, /Norsjö Skidklubb \(demo\)<\/a><\/th><td><time datetime="2019-04-15">15 april 2019<\/time><\/td><td>Styrelsen<\/td>/);
	assert.match(adoptions.body, /<td>En rik och attraktiv fritid<\/td>/);
});
