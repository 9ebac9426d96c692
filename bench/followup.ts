// Follow-up benchmark: syncing 40 Kolada key figures × 290 municipalities × 10 years (three genders each, 348 000
// values) from the local Kolada fixture server into PostgreSQL, with the polite interval off so that our own work is
// measured. The fixture server runs in a child process (this file with `serve`), so the sync's memory is its own.
// Then the public report of a published round with 2 000 goals, through the real app (bench followup report_2000_goals_ms).
// Ends with one `bench followup <figure> <value> <unit>` line per headline figure.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { count, eq } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createServerDatabase, type Database, dropServerDatabase, openDatabase } from "../src/db/client.js";
import { buildReport } from "../src/modules/followup/index.js";
import { followupRounds, goalReports } from "../src/modules/followup/followup.schema.js";
import * as s from "../src/schema.js";
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

/**
 * The public report of a published round with 2 000 goals of 50 organisations in six areas, half of them measured by the
 * synced indicators: the median time of five requests for the page (charts and tables included) through the real app.
 */
async function reportOf2000Goals(database: Database, programmeId: string): Promise<{ first: number; median: number; charts: number; chartsMs: number }> {
	const { db } = database;
	const areas = await db.insert(s.focusAreas).values(Array.from({ length: 6 }, (_, i) => ({ programmeId, position: i + 1, name: `Fokusområde ${i + 1}` }))).returning();
	const organisations = await db.insert(s.organisations).values(Array.from({ length: 50 }, (_, i) => ({ name: `Aktör ${i + 1}`, type: "company" as const }))).returning();
	const indicators = await db.select().from(s.indicators);
	await db.update(s.indicators).set({ baselineValue: "50", baselineYear: 2015, targetValue: "80", targetYear: 2030, better: "higher" });
	const goals = await db
		.insert(s.goals)
		.values(
			Array.from({ length: 2000 }, (_, i) => ({
				programmeId,
				organisationId: organisations[i % 50]!.id,
				focusAreaId: areas[i % 6]!.id,
				title: `Mål ${i + 1}`,
				periodStart: "2020-01-01",
				periodEnd: "2026-12-31",
				...(i % 2 === 0 ? { targetIndicatorId: indicators[i % indicators.length]!.id, targetValue: "80", targetYear: 2030 } : {}),
			})),
		)
		.returning();
	await db.insert(s.goalFocusAreas).values(goals.map((g) => ({ goalId: g.id, focusAreaId: g.focusAreaId })));
	const [round] = await db.insert(followupRounds).values({ programmeId, title: "Uppföljning 2024", periodStart: "2024-01-01", periodEnd: "2024-12-31", deadline: "2025-02-28", openedAt: new Date() }).returning();
	await db.insert(goalReports).values(goals.map((g) => ({ roundId: round!.id, goalId: g.id, organisationId: g.organisationId!, status: "on_track" as const, account: `Redovisning för ${g.title}: arbetet går enligt plan.` })));
	const publishedAt = new Date();
	await db.update(followupRounds).set({ publishedAt, publishedReport: await buildReport(db, { ...round!, publishedAt }) }).where(eq(followupRounds.id, round!.id));
	const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: "silent", SESSION_SECRET: randomBytes(32).toString("hex"), VOTE_ROLL_KEY: randomBytes(32).toString("hex") }), database);
	const times: number[] = [];
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		const res = await app.inject({ method: "GET", url: `/uppfoljning/${round!.id}` });
		if (res.statusCode !== 200 || !res.body.includes("Mål 2000")) throw new Error(`the report answered ${res.statusCode}`);
		times.push(performance.now() - started);
	}
	// The charts are images of their own: the time to draw every one of them the first time, one after the other.
	const page = (await app.inject({ method: "GET", url: `/uppfoljning/${round!.id}` })).body;
	const charts = [...page.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
	const drawing = performance.now();
	for (const url of charts) if ((await app.inject({ method: "GET", url })).statusCode !== 200) throw new Error(`the chart ${url} was not drawn`);
	const chartsMs = performance.now() - drawing;
	await app.close();
	// The first request reads the stored report, which later requests find parsed.
	const [first, ...later] = times;
	return { first: first!, median: later.sort((a, b) => a - b)[2]!, charts: charts.length, chartsMs };
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
		const page = await reportOf2000Goals(database, programme!.id);
		console.log(
			[
				`bench followup report_2000_goals_ms ${page.median.toFixed(0)} ms`,
				`bench followup report_2000_goals_first_ms ${page.first.toFixed(0)} ms`,
				`bench followup report_charts_first_ms ${(page.chartsMs / page.charts).toFixed(0)} ms per chart (${page.charts} charts)`,
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
