import assert from "node:assert/strict";
import { after, test } from "node:test";
import { asc, eq, sql } from "drizzle-orm";
import { createIndicator, createProgramme } from "../../../test/factories.js";
import { testDatabase } from "../../../test/helpers.js";
import { type ForcedAnswer, startKoladaFixtureServer, testKoladaFixtures } from "../../../test/kolada-fixture-server.js";
import * as s from "../../schema.js";
import { KoladaClient } from "./kolada.client.js";
import { syncKoladaIndicators, syncUnlessRunning } from "./kolada.sync.js";

const database = await testDatabase();
const { db } = database;
const years = [2017, 2018];

async function kolada(fixtures = testKoladaFixtures(), force?: (path: string, n: number) => ForcedAnswer | undefined, perPage = 5000) {
	const server = await startKoladaFixtureServer(fixtures, force);
	after(() => server.close());
	return new KoladaClient({ baseUrl: server.baseUrl, minIntervalMs: 0, backoffMs: 1, retries: 1, perPage });
}

async function valuesOf(indicatorId: string) {
	const rows = await db.select().from(s.indicatorValues).where(eq(s.indicatorValues.indicatorId, indicatorId)).orderBy(asc(s.indicatorValues.municipality), asc(s.indicatorValues.year), asc(s.indicatorValues.gender));
	return rows.map((r) => `${r.municipality} ${r.year} ${r.gender} ${r.value ?? "–"} ${r.status} ${r.previousValue ?? ""}`.trim());
}

async function clearIndicators() {
	await db.delete(s.indicators);
}

test("a sync stores each value per municipality, year and gender, and a value Kolada revised replaces the old one, which is kept", async () => {
	await clearIndicators();
	const { programme } = await createProgramme(db);
	const population = await createIndicator(db, programme.id, { title: "Invånare", koladaKpi: "N01951", peerMunicipalities: ["2418"] });
	const email = await createIndicator(db, programme.id, { title: "Svar på e-post", koladaKpi: "U00442" });
	await createIndicator(db, programme.id, { title: "Eget mått" });
	const fixtures = testKoladaFixtures();

	const first = await syncKoladaIndicators(db, await kolada(fixtures), { years });
	assert.deepEqual(first, { indicators: 2, values: 12, revised: 0, failed: [] });
	assert.deepEqual(await valuesOf(population.id), [
		"0000 2018 K 5111360",
		"0000 2018 M 5119186",
		"0000 2018 T 10230546",
		"2417 2017 K 2002",
		"2417 2017 M 2118",
		"2417 2017 T 4120",
		"2417 2018 K 1990",
		"2417 2018 M 2104",
		"2417 2018 T 4094",
	]);
	assert.deepEqual(await valuesOf(email.id), ["0000 2018 T 77.25", "2417 2017 T – Missing", "2417 2018 T 84.5"]);
	const [stored] = await db.select().from(s.indicators).where(eq(s.indicators.id, population.id));
	assert.deepEqual([stored!.byGender, stored!.municipalityNames], [true, { "2417": "Norsjö", "0000": "Riket", "2418": "Malå" }], "Kolada's metadata is kept fresh");

	// Kolada revises Norsjö's 2018 population and fills in the missing e-mail figure.
	const item = fixtures.items.find((i) => i.kpi === "N01951" && i.municipality === "2417" && i.period === 2018)!;
	(item.values as { gender: string; value: number }[]).find((v) => v.gender === "T")!.value = 4095;
	fixtures.items.find((i) => i.kpi === "U00442" && i.period === 2017)!.values = [{ gender: "T", count: 1, status: "", value: 80 }];
	const second = await syncKoladaIndicators(db, await kolada(fixtures), { years });
	assert.deepEqual(second, { indicators: 2, values: 12, revised: 2, failed: [] });
	assert.ok((await valuesOf(population.id)).includes("2417 2018 T 4095  4094"));
	assert.ok((await valuesOf(population.id)).includes("2417 2018 K 1990"), "unchanged values keep no previous value");
	assert.ok((await valuesOf(email.id)).includes("2417 2017 T 80"));
	const revisedAt = async (id: string) =>
		(await db.select().from(s.indicatorValues).where(eq(s.indicatorValues.indicatorId, id))).filter((r) => r.revisedAt).map((r) => `${r.municipality} ${r.year} ${r.gender}`);
	assert.deepEqual(await revisedAt(population.id), ["2417 2018 T"], "the revised value says when the sync saw the change");
	assert.deepEqual(await revisedAt(email.id), [], "a value filled in where there was none is not a revision");

	// A later sync that finds the same value keeps the revision as it was.
	const [revised] = await db.select().from(s.indicatorValues).where(sql`${s.indicatorValues.revisedAt} is not null`);
	await syncKoladaIndicators(db, await kolada(fixtures), { years });
	const [still] = await db.select().from(s.indicatorValues).where(sql`${s.indicatorValues.revisedAt} is not null`);
	assert.deepEqual([still!.previousValue, still!.revisedAt], [revised!.previousValue, revised!.revisedAt]);
});

test("a sync that fails half-way keeps what each failed indicator had and says what failed", async () => {
	await clearIndicators();
	const { programme } = await createProgramme(db);
	const population = await createIndicator(db, programme.id, { title: "Invånare", koladaKpi: "N01951" });
	// Another set of municipalities, so fetched apart from the population.
	const email = await createIndicator(db, programme.id, { title: "Svar på e-post", koladaKpi: "U00442", peerMunicipalities: ["2403"] });
	await syncKoladaIndicators(db, await kolada(), { years });
	const before = { population: await valuesOf(population.id), email: await valuesOf(email.id) };

	const fixtures = testKoladaFixtures();
	for (const i of fixtures.items) (i.values as { value: number | null }[])[0]!.value = 1;
	// The e-mail figure's second page is broken; the population's requests go through.
	const brokenSecondPage = (path: string) => (path.includes("U00442") && path.includes("page=2") ? { status: 200, body: "<html>Bad gateway</html>" } : undefined);
	const progress: string[] = [];
	const report = await syncKoladaIndicators(db, await kolada(fixtures, brokenSecondPage, 1), { years, onProgress: (done, total, i) => progress.push(`${done}/${total} ${i.kpi} ${i.error ? "failed" : "ok"}`) });
	assert.equal(report.indicators, 1);
	assert.equal(report.failed.length, 1);
	assert.equal(report.failed[0]!.title, "Svar på e-post");
	assert.match(report.failed[0]!.error, /Kolada's answer is not JSON: "<html>Bad gateway/);
	assert.deepEqual(progress, ["1/2 N01951 ok", "2/2 U00442 failed"]);
	assert.deepEqual(await valuesOf(email.id), before.email, "the failed indicator keeps what it had");
	assert.notDeepEqual(await valuesOf(population.id), before.population, "the other indicator is brought up to date");
});

test("only one process syncs at a time: another process finds the lock taken (seen on PostgreSQL; PGlite has one session)", async () => {
	let release!: () => void;
	const holding = new Promise<void>((resolve) => {
		release = resolve;
	});
	let started!: () => void;
	const running = new Promise<void>((resolve) => {
		started = resolve;
	});
	const first = syncUnlessRunning(database, async () => {
		started();
		await holding;
		return "first";
	});
	await running;
	const locks = async () => Number(((await db.execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
	assert.equal(await locks(), 1, "the lock is held while the sync runs");
	if (database.kind === "postgres") assert.equal(await syncUnlessRunning(database, async () => "second"), null, "a second process skips");
	release();
	assert.equal(await first, "first");
	assert.equal(await locks(), 0, "and released after");
	await assert.rejects(
		syncUnlessRunning(database, async () => {
			throw new Error("Kolada is down");
		}),
		/Kolada is down/,
	);
	assert.equal(await locks(), 0, "a failed sync releases the lock too");
	assert.equal(await syncUnlessRunning(database, async () => "again"), "again");
});
