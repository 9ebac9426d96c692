import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type ForcedAnswer, startKoladaFixtureServer, testKoladaFixtures } from "../../../test/kolada-fixture-server.js";
import { KoladaClient, type KoladaOptions } from "./kolada.client.js";

// Each test gets its own server, so the paths it records and the answers it forces are that test's alone.
async function kolada(force?: (path: string, n: number) => ForcedAnswer | undefined, options: Partial<KoladaOptions> = {}) {
	const fixtures = testKoladaFixtures();
	const server = await startKoladaFixtureServer(fixtures, force);
	after(() => server.close());
	const client = new KoladaClient({ baseUrl: server.baseUrl, minIntervalMs: 0, backoffMs: 5, ...options });
	return { server, client, fixtures };
}

test("key figures' metadata is read with its unit and gender split, groups with their members, and fields Kolada adds later are ignored", async () => {
	const { client } = await kolada();
	const kpis = await client.kpis(["N01951", "U00442", "N99999"]);
	assert.deepEqual(
		kpis.map((k) => [k.id, k.title, k.isDividedByGender]),
		[
			["N01951", "Invånare totalt, antal", true],
			["U00442", "Andel som får svar på e-post inom en arbetsdag, %", false],
		],
	);
	assert.match(kpis[0]!.description, /31\/12/);
	assert.deepEqual(
		kpis.map((k) => k.unit),
		["antal", "%"],
	);
	const kkik = await client.kpiGroups("kkik");
	assert.deepEqual(kkik[0]!.memberIds, ["U00442", "N01951"]);
	assert.deepEqual(await client.kpiGroups("inget sådant"), []);
	assert.deepEqual(
		(await client.municipalityGroups("västerbotten")).map((g) => [g.title, g.memberIds]),
		[["Kommuner i Västerbottens län", ["2417", "2418", "2403"]]],
	);
	assert.deepEqual(
		(await client.municipalityGroupsById(["G124081", "G000000"])).map((g) => [g.id, g.title]),
		[["G124081", "Kommuner i Västernorrlands län"]],
		"a group is found by its Kolada id",
	);
	assert.deepEqual(
		(await client.municipalities(["2417", "0000", "9999"])).map((m) => [m.id, m.title]),
		[
			["0000", "Riket"],
			["2417", "Norsjö"],
		],
	);
});

test("data is read page by page to the last one, one value per gender, a missing value null with its status", async () => {
	const { client, server } = await kolada(undefined, { perPage: 2 });
	const values = await client.data(["N01951", "U00442"], ["2417", "0000"], [2017, 2018]);
	assert.equal(server.paths.length, 3, "six items two to a page");
	assert.match(server.paths[1]!, /page=2/);
	assert.equal(values.length, 12);
	assert.deepEqual(
		values.filter((v) => v.kpi === "N01951" && v.municipality === "2417" && v.year === 2018).map((v) => [v.gender, v.value]),
		[
			["K", 1990],
			["M", 2104],
			["T", 4094],
		],
	);
	assert.deepEqual(
		values.find((v) => v.kpi === "U00442" && v.year === 2017),
		{ kpi: "U00442", municipality: "2417", year: 2017, gender: "T", value: null, status: "Missing" },
	);
	assert.equal(values.find((v) => v.kpi === "U00442" && v.municipality === "0000")!.value, 77.25);
});

test("lists longer than 25 are split into several requests of at most 25 per segment", async () => {
	const { client, server } = await kolada();
	const municipalities = ["2417", ...Array.from({ length: 29 }, (_, i) => String(1000 + i))];
	const years = Array.from({ length: 30 }, (_, i) => 1995 + i);
	const values = await client.data(["N01951"], municipalities, years);
	assert.equal(values.filter((v) => v.gender === "T").length, 2);
	assert.equal(server.paths.length, 4, "2 municipality chunks × 2 year chunks");
	for (const path of server.paths) {
		for (const segment of path.split("?")[0]!.split("/")) assert.ok(segment.split(",").length <= 25, path);
	}
});

test("a 429 is tried again after the time Retry-After asks for", async () => {
	const { client, server } = await kolada((_, n) => (n === 0 ? { status: 429, headers: { "retry-after": "1" }, body: "" } : undefined));
	const started = Date.now();
	const kpis = await client.kpis(["N01951"]);
	assert.equal(kpis.length, 1);
	assert.equal(server.paths.length, 2);
	assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
});

test("a 500 is tried again with back-off; one that persists is reported with what failed", async () => {
	const flaky = await kolada((_, n) => (n < 2 ? { status: 500, body: "Internal Server Error" } : undefined));
	assert.equal((await flaky.client.municipalities(["2417"])).length, 1);
	assert.equal(flaky.server.paths.length, 3);

	const down = await kolada(() => ({ status: 503, body: "" }), { retries: 2 });
	await assert.rejects(down.client.kpis(["N01951"]), /Kolada failed after 3 tries: HTTP 503 \(http:\/\/127\.0\.0\.1:\d+\/v3\/kpi\/N01951/);
	assert.equal(down.server.paths.length, 3);
});

test("a malformed body is reported clearly and not taken for data", async () => {
	const broken = await kolada(() => ({ status: 200, body: '{"count": 1, "values": [{"kpi": "N0' }));
	await assert.rejects(broken.client.data(["N01951"], ["2417"], [2018]), /Kolada's answer is not JSON: "\{\\"count\\": 1/);
	const wrong = await kolada(() => ({ status: 200, body: '{"count": 1, "items": []}' }));
	await assert.rejects(wrong.client.kpis(["N01951"]), /Kolada's answer has no list of values/);
	const notNumber = await kolada(() => ({ status: 200, body: JSON.stringify({ values: [{ kpi: "N01951", municipality: "2417", period: 2018, values: [{ gender: "T", value: "många" }] }] }) }));
	await assert.rejects(notNumber.client.data(["N01951"], ["2417"], [2018]), /not a number: "många"/);
	const refused = await kolada(() => ({ status: 404, body: "" }));
	await assert.rejects(refused.client.kpis(["N01951"]), /Kolada refused the request: HTTP 404/);
	assert.equal(refused.server.paths.length, 1, "a 404 is not tried again");
});

test("a request that takes too long is given up after the timeout", async () => {
	const { client } = await kolada(() => ({ status: 200, body: '{"values": []}', delayMs: 500 }), { timeoutMs: 50, retries: 1 });
	await assert.rejects(client.kpis(["N01951"]), /no answer within 50 ms/);
});

test("requests keep the minimum interval between them", async () => {
	const { client } = await kolada(undefined, { minIntervalMs: 120 });
	const started = Date.now();
	await Promise.all([client.kpis(["N01951"]), client.municipalities(["2417"]), client.kpiGroups()]);
	assert.equal(client.requests, 3);
	assert.ok(Date.now() - started >= 230, `took ${Date.now() - started} ms`);
});

test("a next_url to another site is not followed", async () => {
	const { client } = await kolada(() => ({ status: 200, body: JSON.stringify({ values: [], next_url: "https://elsewhere.example/v3/kpi?page=2" }) }));
	await assert.rejects(client.kpis(["N01951"]), /next_url leads to another site: https:\/\/elsewhere\.example/);
});
