// Page benchmarks: the start page against a fixed-string route on the same app instance (PGlite and
// PostgreSQL), then a second start of the embedded server and its memory when idle.
// Ends with one `bench pages <figure> <value> <unit>` line per headline figure.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createServerDatabase, type Database, dropServerDatabase, openDatabase } from "../src/db/client.js";
import { seedBenchDemo } from "./demo.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const connections = 10;
const warmUpSeconds = 1;
const seconds = 5;
const figures: string[] = [];

function report(figure: string, value: number, unit: string) {
	figures.push(`bench pages ${figure} ${value} ${unit}`);
	console.log(`  ${figure}: ${value} ${unit}`);
}

async function requestsPerSecond(url: string): Promise<number> {
	await autocannon({ url, connections, duration: warmUpSeconds });
	const result = await autocannon({ url, connections, duration: seconds });
	if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
	return result.requests.average;
}

/** Start page and fixed route, measured one after the other on one app over one database. */
async function startPageAgainstFixed(kind: string, database: Database) {
	// The production defaults (read cache on), quiet.
	const config = { ...loadConfig({}), logLevel: "silent" as const };
	await seedBenchDemo(database, config);
	const app = await buildApp(config, database);
	app.get("/__bench/fixed", async () => "fixed");
	await app.listen({ port: 0, host: "127.0.0.1" });
	const { port } = app.server.address() as { port: number };
	try {
		const fixed = await requestsPerSecond(`http://127.0.0.1:${port}/__bench/fixed`);
		const start = await requestsPerSecond(`http://127.0.0.1:${port}/`);
		report(`start_rps_${kind}`, Math.round(start), "req/s");
		report(`fixed_rps_${kind}`, Math.round(fixed), "req/s");
		report(`ratio_${kind}`, Number((start / fixed).toFixed(2)), "x");
	} finally {
		await app.close();
	}
}

async function benchPglite() {
	console.log("PGlite (in memory, demo data)");
	const database = await openDatabase("pglite:memory:");
	try {
		await startPageAgainstFixed("pglite", database);
	} finally {
		await database.close();
	}
}

async function benchPostgres() {
	console.log(`PostgreSQL (${new URL(serverUrl).host}, fresh database, demo data)`);
	const name = `medskapa_bench_${process.pid}`;
	const database = await openDatabase(await createServerDatabase(serverUrl, name));
	try {
		await startPageAgainstFixed("postgres", database);
	} finally {
		await database.close();
		await dropServerDatabase(serverUrl, name);
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function startServer(dataDir: string, port: number): ChildProcess {
	// Exactly what a user runs; its own process group, so that npm and the server stop together.
	return spawn("npm", ["start", "--silent"], {
		env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
		stdio: ["ignore", "ignore", "inherit"],
		detached: true,
	});
}

async function untilFirstPage(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			if (res.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once("exit", r));
	process.kill(-child.pid!, "SIGTERM");
	await exited;
}

function descendants(pid: number): number[] {
	const parents = new Map<number, number>();
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The parent pid is the second field after the parenthesised command name.
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const found: number[] = [];
	const walk = (p: number) => {
		for (const [child, parent] of parents) {
			if (parent === p) {
				found.push(child);
				walk(child);
			}
		}
	};
	walk(pid);
	return found;
}

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function benchSecondStart() {
	console.log("Embedded server: second start and idle memory");
	const dir = mkdtempSync(join(tmpdir(), "medskapa-bench-"));
	try {
		const dataDir = join(dir, "pglite");
		const port = await freePort();
		const url = `http://127.0.0.1:${port}/`;
		const first = startServer(dataDir, port);
		await untilFirstPage(url, first);
		await stopServer(first);

		const spawnedAt = performance.now();
		const second = startServer(dataDir, port);
		try {
			await untilFirstPage(url, second);
			report("second_start_first_page_ms", Math.round(performance.now() - spawnedAt), "ms");
			// Idle means settled: for a second or two after the first page, start-up garbage still
			// counts (seen: 600 MB at +1 s, 270 MB from +2 s on).
			await new Promise((r) => setTimeout(r, 5000));
			// npm is a small launcher; the server is the largest process below it.
			const server = Math.max(...descendants(second.pid!).map(rssMb));
			report("idle_rss_mb", Math.round(server), "MB");
		} finally {
			await stopServer(second);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

await benchPglite();
await benchPostgres();
await benchSecondStart();
console.log("");
for (const line of figures) console.log(line);
