// Follow-up benchmark: syncing 40 Kolada key figures × 290 municipalities × 10 years (three genders each, 348 000
// values) from the local Kolada fixture server into PostgreSQL, with the polite interval off so that our own work is
// measured. The fixture server runs in a child process (this file with `serve`), so the sync's memory is its own.
// Ends with one `bench followup <figure> <value> <unit>` line per headline figure.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { count } from "drizzle-orm";
import { createServerDatabase, dropServerDatabase, openDatabase } from "../src/db/client.js";
import * as s from "../src/db/schema.js";
import { startKoladaFixtureServer } from "../src/demo/kolada-fixture-server.js";
import { KoladaClient, syncKoladaIndicators } from "../src/modules/indicators/index.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const kpiIds = Array.from({ length: 40 }, (_, i) => `N${String(10000 + i)}`);
const peers = Array.from({ length: 288 }, (_, i) => String(100 + i).padStart(4, "0"));
const municipalityIds = ["2417", "0000", ...peers];
const years = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** Generated Kolada data: every key figure has a value for every municipality, year and gender. */
async function serve() {
	const server = await startKoladaFixtureServer({
		kpis: kpiIds.map((id) => ({ id, title: `Nyckeltal ${id}`, description: "Bench", is_divided_by_gender: 1, municipality_type: "K" })),
		municipalities: municipalityIds.map((id) => ({ id, title: `Kommun ${id}`, type: id === "0000" ? "L" : "K" })),
		data: (kpi, municipality, period) => {
			const base = (Number(kpi.slice(1)) % 97) + Number(municipality) / 10 + (period - 2015);
			return { kpi, municipality, period, values: ["K", "M", "T"].map((gender, g) => ({ gender, count: 1, status: "", value: Math.round((base + g) * 10) / 10 })) };
		},
	});
	console.log(server.baseUrl);
}

async function fixtureServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
	const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "serve"], { stdio: ["ignore", "pipe", "inherit"] });
	const [line] = (await once(child.stdout!, "data")) as [Buffer];
	return { child, baseUrl: line.toString().trim() };
}

async function bench() {
	const name = `medskapa_bench_followup_${process.pid}`;
	const database = await openDatabase(await createServerDatabase(serverUrl, name));
	const { child, baseUrl } = await fixtureServer();
	try {
		await database.migrate();
		const { db } = database;
		const [kommun] = await db.insert(s.organisations).values({ name: "Benchkommun", type: "municipality" }).returning();
		const [programme] = await db
			.insert(s.programmes)
			.values({ name: "Benchprogrammet", community: "Benchbygden", municipalityCode: "2417", population: 4094, populationDate: "2018-12-31", populationSource: "SCB", horizonYear: 2030, coordinatorId: kommun!.id })
			.returning();
		await db.insert(s.indicators).values(kpiIds.map((id) => ({ programmeId: programme!.id, kind: "kolada" as const, title: `Indikator ${id}`, koladaKpi: id, peerMunicipalities: peers })));
		const client = new KoladaClient({ baseUrl, minIntervalMs: 0 });
		console.log(`resident memory before the sync (modules loaded, database migrated): ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
		const started = performance.now();
		const report = await syncKoladaIndicators(db, client, { years });
		const seconds = (performance.now() - started) / 1000;
		const [stored] = await db.select({ n: count() }).from(s.indicatorValues);
		const expected = kpiIds.length * municipalityIds.length * years.length * 3;
		console.log(`synced ${report.indicators} indicators, ${report.values} values (${stored!.n} rows stored, ${report.failed.length} failed)`);
		if (report.failed.length || stored!.n !== expected) throw new Error(`expected ${expected} values: ${JSON.stringify(report.failed.slice(0, 3))}`);
		// Peak resident memory of this process (the sync; the fixture server runs apart), in MB.
		const rssMb = process.resourceUsage().maxRSS / 1024;
		console.log(
			[
				`bench followup sync_s ${seconds.toFixed(1)} s`,
				`bench followup sync_rss_mb ${Math.round(rssMb)} MB`,
				`bench followup sync_requests ${client.requests} count`,
			].join("\n"),
		);
	} finally {
		child.kill();
		await database.close();
		await dropServerDatabase(serverUrl, name);
	}
}

if (process.argv[2] === "serve") await serve();
else await bench();
