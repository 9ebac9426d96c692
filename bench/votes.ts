// Vote benchmarks: ballots per second over HTTP from verified voters on a roll (PostgreSQL and PGlite), beside
// pgbench's simple-insert rate on the same PostgreSQL in the same run, the time to tally 1 000 000 ballots, and the time
// to publish a vote of 1 000 000 ballots (`--publish-ballots=N` for another size) while ballots are cast in another vote.
// The app runs as its own server process (`src/server.ts`, as deployed) and the load comes from this process, so the
// load generator does not share the app's event loop. Every voter is on the roll and has an e-ID identity cookie sealed
// in setup, as the identity broker's callback would have left it; each posts once, like a browser, with its own CSRF
// secret. Ends with one `bench votes <figure> <value> <unit>` line per headline figure.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createServerDatabase, type Database, type Db, dropServerDatabase, openDatabase } from "../src/db/client.js";
import * as s from "../src/schema.js";
import { seedDemo } from "../src/demo/seed.js";
import { luhnCheckDigit } from "../src/lib/luhn.js";
import { csrfTokenFor } from "../src/plugins/csrf.js";
import { seal } from "../src/modules/eid/eid.seal.js";
import { eidTtlMs, identityCookie } from "../src/modules/eid/eid.service.js";
import { castBallot, pinHash, setVoteKey } from "../src/modules/votes/index.js";
import { compactBallotTables, markAndBallotCounts } from "../src/modules/votes/votes.repo.js";
import { publishVote, results, verifyVote } from "../src/modules/votes/votes.service.js";
import { tallyShards } from "../src/modules/votes/votes.mixing.js";
import { pgbenchDatabase } from "./pgbench.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Browsers voting at once: a busy evening with a municipality's vote open. */
const connections = 32;
/** The app's PostgreSQL pool (the default of `openDatabase`), and pgbench's clients: the same number of connections on both sides. */
const dbConnections = 10;
const warmUpSeconds = 1;
const seconds = 4;
/** Turns of the app and pgbench on PostgreSQL; the figures are their medians, since other load on a shared machine comes and goes. */
const rounds = 5;
/** Voters on the roll: more than the HTTP runs can use, so every ballot comes from a new voter. */
const rollSize = 100_000;
/** Voters the in-process run uses, numbered after the HTTP run's. */
const directVoters = 40_000;
const tallyBallots = 1_000_000;
/** Ballots of the vote that is published; the figure's name says how many (publish_1m_s for 1 000 000). */
const publishBallots = Number(process.argv.find((a) => a.startsWith("--publish-ballots="))?.split("=")[1] ?? 1_000_000);
const sessionSecret = randomBytes(24).toString("hex");
const voteRollKey = randomBytes(24).toString("hex");
const figures: string[] = [];

function report(figure: string, value: number, unit: string) {
	figures.push(`bench votes ${figure} ${value} ${unit}`);
	console.log(`  ${figure}: ${value} ${unit}`);
}

/** The n-th of many distinct valid personal identity numbers: 900 a day from 1940 on. */
function pinNumber(n: number): { pin: string; birthDate: string } {
	const birthDate = new Date(Date.UTC(1940, 0, 1) + Math.floor(n / 900) * 86_400_000).toISOString().slice(0, 10);
	const nine = birthDate.slice(2).replaceAll("-", "") + String(100 + (n % 900));
	return { pin: `${birthDate.slice(0, 2)}${nine}${luhnCheckDigit(nine)}`, birthDate };
}

/** An open vote on five options with a roll of `roll` people (results visible live). */
async function openVote(db: Db, roll: number): Promise<{ voteId: string; optionIds: string[] }> {
	const [programme] = await db.select({ id: s.programmes.id }).from(s.programmes).limit(1);
	if (!programme) throw new Error("the demo has no programme");
	const now = Date.now();
	const [vote] = await db
		.insert(s.votes)
		.values({
			programmeId: programme.id,
			title: "Benchmark vote",
			opensAt: new Date(now - 3_600_000),
			closesAt: new Date(now + 86_400_000),
			frozenAt: new Date(now - 3_600_000),
			channels: "eid,code",
			resultsBeforeClose: true,
		})
		.returning({ id: s.votes.id });
	const options = await db
		.insert(s.voteOptions)
		.values([1, 2, 3, 4, 5].map((position) => ({ voteId: vote!.id, position, title: `Förslag ${position}`, subtext: "" })))
		.returning({ id: s.voteOptions.id });
	for (let i = 0; i < roll; i += 1000) {
		const hashes = Array.from({ length: Math.min(1000, roll - i) }, (_, j) => pinHash(pinNumber(i + j).pin));
		await db.insert(s.voteRoll).values(hashes.map((h) => ({ voteId: vote!.id, pinHash: h })));
	}
	return { voteId: vote!.id, optionIds: options.map((o) => o.id) };
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, "127.0.0.1", () => {
			const { port } = (srv.address() as { port: number });
			srv.close(() => resolve(port));
		});
	});
}

/** Starts `src/server.ts` on a database and waits until it answers. */
async function startServer(databaseUrl: string): Promise<{ base: string; child: ChildProcess; exited: Promise<unknown> }> {
	const port = await freePort();
	const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
		env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SESSION_SECRET: sessionSecret, VOTE_ROLL_KEY: voteRollKey, DEMO_ON_EMPTY: "false", LOG_LEVEL: "error" },
		stdio: ["ignore", "ignore", "inherit"],
	});
	const exited = new Promise((resolve) => child.on("exit", resolve));
	const base = `http://127.0.0.1:${port}`;
	for (const until = Date.now() + 120_000; ; ) {
		try {
			if ((await fetch(`${base}/health`)).ok) return { base, child, exited };
		} catch {
			if (Date.now() > until) throw new Error("the server did not start");
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

/**
 * CPU seconds a process has used (user and system), from /proc on Linux. On a shared machine the server gets only part
 * of a core, so ballots per CPU second of the server says what one dedicated core would sustain.
 */
function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
	// utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s.
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One voter's request as their browser would send it: its own CSRF secret and the identity cookie from the e-ID callback. */
function voterRequest(n: number, optionIds: string[]): { headers: Record<string, string>; body: string } {
	const csrf = randomBytes(18).toString("base64url");
	const token = csrfTokenFor(sessionSecret, csrf, undefined);
	const identity = seal(sessionSecret, identityCookie, pinNumber(n), eidTtlMs);
	return {
		headers: { "content-type": "application/x-www-form-urlencoded", cookie: `medskapa_csrf=${csrf}; ${identityCookie}=${identity}` },
		body: new URLSearchParams({ _csrf: token, channel: "eid", choice: optionIds[n % optionIds.length]! }).toString(),
	};
}

/** A load of ballots against a server process: each request is another voter on the roll, prepared in setup. */
type Load = { server: Awaited<ReturnType<typeof startServer>>; voteId: string; prepared: { headers: Record<string, string>; body: string }[]; next: number; acknowledged: number };

/** Starts a server process on a database, prepares a request for every voter on the roll, and warms the server up. */
async function startLoad(databaseUrl: string, voteId: string, optionIds: string[]): Promise<Load> {
	const prepared = Array.from({ length: rollSize }, (_, n) => voterRequest(n, optionIds));
	const load: Load = { server: await startServer(databaseUrl), voteId, prepared, next: 0, acknowledged: 0 };
	await ballotsPerSecond(load, warmUpSeconds);
	return load;
}

/** Stops a load's server process. */
async function stopLoad(load: Load): Promise<void> {
	load.server.child.kill("SIGTERM");
	await load.server.exited;
}

/** Ballots per second through POST /omrostning/:id for `duration` seconds, and per CPU second of the server process. */
async function ballotsPerSecond(load: Load, duration: number): Promise<{ rate: number; perCpuSecond: number }> {
	const cpuBefore = cpuSeconds(load.server.child.pid!);
	const result = await autocannon({
		url: load.server.base,
		connections,
		duration,
		requests: [
			{
				method: "POST",
				path: `/omrostning/${load.voteId}`,
				setupRequest: (req) => {
					const voter = load.prepared[load.next++];
					if (!voter) throw new Error(`more than ${rollSize} ballots: make the roll longer`);
					return { ...req, ...voter };
				},
			},
		],
	});
	const cpu = cpuSeconds(load.server.child.pid!) - cpuBefore;
	const other = Object.entries(result.statusCodeStats).filter(([code]) => code !== "303");
	if (other.length || result.errors) throw new Error(`answers other than 303: ${JSON.stringify(other)}, ${result.errors} errors`);
	const cast = result.statusCodeStats["303"]?.count ?? 0;
	load.acknowledged += cast;
	console.log(`  (${cast} ballots in ${result.duration} s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; the server process used ${cpu.toFixed(2)} CPU s)`);
	return { rate: cast / result.duration, perCpuSecond: cast / cpu };
}

/**
 * Checks after a run that every acknowledged ballot is counted and the kept counts agree with the ballots. A run's last
 * requests in flight (at most one per connection) may be stored without the load generator counting their answer.
 */
async function checkStored(db: Db, voteId: string, acknowledged: number, runs: number): Promise<void> {
	// Stored ballots are mixed or still queued; verifyVote checks that the marks match them and the kept counts the mixed.
	const stored = (await markAndBallotCounts(db, voteId)).ballots;
	const problems = await verifyVote(db, voteId);
	const inFlight = stored - acknowledged;
	if (inFlight < 0 || inFlight > runs * connections || problems.length) throw new Error(`${acknowledged} acknowledged, ${stored} stored: ${problems.join("; ")}`);
}

/** Ballots per second through castBallot called in this process with the same concurrency: the rate without HTTP. */
async function directBallotsPerSecond(db: Db, voteId: string, optionIds: string[]): Promise<number> {
	let voter = rollSize;
	let cast = 0;
	const started = performance.now();
	const until = started + seconds * 1000;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (performance.now() < until) {
				const n = voter++;
				if (n >= rollSize + directVoters) throw new Error("the in-process run ran out of voters");
				await castBallot(db, { voteId, channel: "eid", voter: { pin: pinNumber(n).pin }, choices: [optionIds[n % optionIds.length]!] });
				cast++;
			}
		}),
	);
	return cast / ((performance.now() - started) / 1000);
}

/** Best time of five after a warm-up. */
async function best(run: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		await run();
		times.push(performance.now() - started);
	}
	return Math.min(...times.slice(1));
}

/**
 * 1 000 000 ballots with their kept counts spread over the shards as casting them would have left them; then the time
 * for the results (reading the kept counts), for the full count audit:verify makes, and for a bare count of the ballots.
 */
async function tallyMs(db: Db): Promise<{ tally: number; verify: number; count: number }> {
	// No roll: turnout is against the population, as in Norsjö, so the time is the tally's and not a count of the roll.
	const { voteId, optionIds } = await openVote(db, 0);
	// Proposal 5 gets 41 %, the rest share what is left, and one in fifty is blank.
	await db.execute(sql`
		insert into ballots (id, vote_id, choices, blank, channel, day, receipt_hash)
		select gen_random_uuid(), ${voteId},
			case when i % 50 = 0 then '' when i % 100 < 41 then ${optionIds[4]} else (array[${optionIds[0]}, ${optionIds[1]}, ${optionIds[2]}, ${optionIds[3]}])[1 + i % 4] end,
			i % 50 = 0, case when i % 10 = 0 then 'paper' else 'eid' end, '2019-01-10', md5(i::text || ${voteId})
		from generate_series(1, ${tallyBallots}) as i`);
	await db.execute(sql`
		insert into vote_tallies (vote_id, channel, blank, choices, shard, ballots)
		select vote_id, channel, blank, choices, abs(hashtext(id::text)) % ${tallyShards}, count(*)::int from ballots where vote_id = ${voteId}
		group by 1, 2, 3, 4, 5`);
	await db.execute(sql`insert into voter_marks (vote_id, voter_key, channel) select ${voteId}, 'bench:' || i, 'eid' from generate_series(1, ${tallyBallots}) as i`);
	await db.execute(sql`analyze ballots`);
	const tally = await best(async () => {
		const r = await results(db, voteId);
		if (r.ballots !== tallyBallots) throw new Error(`the tally counted ${r.ballots} ballots, not ${tallyBallots}`);
	});
	const verify = await best(async () => {
		const problems = await verifyVote(db, voteId);
		if (problems.length) throw new Error(problems.join("; "));
	});
	const count = await best(() => db.execute(sql`select count(*) from ballots where vote_id = ${voteId}`));
	return { tally, verify, count };
}

/** A vote of `publishBallots` ballots, each with its mark and its kept count, as casting and mixing would have left them, past its close. */
async function closedVote(db: Db): Promise<string> {
	const { voteId, optionIds } = await openVote(db, 0);
	await db.execute(sql`
		insert into ballots (id, vote_id, choices, blank, channel, day, receipt_hash)
		select gen_random_uuid(), ${voteId}, (array[${optionIds[0]}, ${optionIds[1]}, ${optionIds[2]}, ${optionIds[3]}, ${optionIds[4]}])[1 + i % 5], false, 'eid', '2019-01-10', md5('publish' || i::text || ${voteId})
		from generate_series(1, ${publishBallots}) as i`);
	await db.execute(sql`
		insert into vote_tallies (vote_id, channel, blank, choices, shard, ballots)
		select vote_id, channel, blank, choices, 0, count(*)::int from ballots where vote_id = ${voteId} group by 1, 2, 3, 4`);
	await db.execute(sql`insert into voter_marks (vote_id, voter_key, channel) select ${voteId}, 'publish:' || i, 'eid' from generate_series(1, ${publishBallots}) as i`);
	await db.execute(sql`update votes set closes_at = now() - interval '1 second' where id = ${voteId}`);
	await db.execute(sql`analyze ballots, voter_marks, vote_tallies`);
	return voteId;
}

/**
 * Publishes a vote of `publishBallots` ballots as the coordinator's button does while four voters at a time keep casting
 * in another open vote (the rewrite in random order, then a plain VACUUM, since another vote is open); then the VACUUM
 * FULL that publishing makes when no other vote is open. The time of each step, and the longest a ballot in the other
 * vote took during each.
 */
async function publishSeconds(db: Db): Promise<{ rewrite: number; vacuum: number; full: number; longestCast: { rewrite: number; vacuum: number; full: number } }> {
	const voteId = await closedVote(db);
	// No roll: any number may vote, so the voters never run out however long publishing takes.
	const other = await openVote(db, 0);
	let voter = 2_000_000;
	let phase: "rewrite" | "vacuum" | "full" | "done" = "rewrite";
	const longestCast = { rewrite: 0, vacuum: 0, full: 0 };
	const voters = Promise.all(
		Array.from({ length: 4 }, async () => {
			while (phase !== "done") {
				const n = voter++;
				const started = performance.now();
				const during = phase;
				await castBallot(db, { voteId: other.voteId, channel: "eid", voter: { pin: pinNumber(n).pin }, choices: [other.optionIds[n % 5]!] });
				longestCast[during] = Math.max(longestCast[during], (performance.now() - started) / 1000);
			}
		}),
	);
	const t0 = performance.now();
	await publishVote(db, voteId);
	const t1 = performance.now();
	phase = "vacuum";
	await compactBallotTables(db, { whileVoting: true });
	const t2 = performance.now();
	phase = "full";
	await compactBallotTables(db, { whileVoting: false });
	const t3 = performance.now();
	phase = "done";
	await voters;
	const problems = await verifyVote(db, voteId);
	if (problems.length) throw new Error(problems.join("; "));
	return { rewrite: (t1 - t0) / 1000, vacuum: (t2 - t1) / 1000, full: (t3 - t2) / 1000, longestCast };
}

/** A migrated database with the demo and the benchmark vote; the vote's id and options. */
async function prepare(database: Database): Promise<{ voteId: string; optionIds: string[] }> {
	await database.migrate();
	await seedDemo(database.db);
	return openVote(database.db, rollSize + directVoters);
}

setVoteKey(voteRollKey);

console.log(`PostgreSQL (${new URL(serverUrl).host}, fresh database, one server process with a pool of ${dbConnections}, ${connections} HTTP connections)`);
const name = `medskapa_bench_votes_${process.pid}`;
const postgresUrl = await createServerDatabase(serverUrl, name);
const postgres = await openDatabase(postgresUrl, { poolSize: dbConnections });
let pgRate: number;
let tally: { tally: number; verify: number; count: number };
let publishing: Awaited<ReturnType<typeof publishSeconds>>;
try {
	const { voteId, optionIds } = await prepare(postgres);
	// In turns, so that other load on a shared machine falls on both sides alike: the app, then pgbench, `rounds` times.
	const pgbench = pgbenchDatabase(serverUrl);
	const app: { rate: number; perCpuSecond: number }[] = [];
	const tpsRounds: number[] = [];
	let load: Load | undefined;
	try {
		load = await startLoad(postgresUrl, voteId, optionIds);
		for (let round = 1; round <= rounds; round++) {
			console.log(`round ${round}: the app, then pgbench -N -c ${dbConnections} -j 2 -T ${seconds} on the same server`);
			app.push(await ballotsPerSecond(load, seconds));
			tpsRounds.push(pgbench.tps(dbConnections, seconds));
			console.log(`  (pgbench ${Math.round(tpsRounds.at(-1)!)} tps)`);
		}
	} finally {
		if (load) await stopLoad(load);
		pgbench.drop();
	}
	await checkStored(postgres.db, voteId, load.acknowledged, rounds + 1);
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	pgRate = median(app.map((a) => a.rate));
	report("ballots_per_s_postgres", Math.round(pgRate), "ballots/s");
	report("ballots_per_server_cpu_s_postgres", Math.round(median(app.map((a) => a.perCpuSecond))), "ballots/s");
	report("pgbench_tps", Math.round(median(tpsRounds)), "tps");
	// Each round's app rate against the pgbench turn right after it, then the median of those ratios.
	const ratios = app.map((a, i) => a.rate / tpsRounds[i]!);
	console.log(`  (ratios per round: ${ratios.map((r) => r.toFixed(2)).join(", ")})`);
	report("ratio_vs_pgbench", Number(median(ratios).toFixed(2)), "x");
	report("ratio_vs_pgbench_lowest_round", Number(Math.min(...ratios).toFixed(2)), "x");
	report("ballots_per_s_postgres_without_http", Math.round(await directBallotsPerSecond(postgres.db, voteId, optionIds)), "ballots/s");
	console.log(`Tallying ${tallyBallots} ballots on PostgreSQL`);
	tally = await tallyMs(postgres.db);
	console.log(`Publishing a vote of ${publishBallots} ballots on PostgreSQL while ballots are cast in another vote`);
	publishing = await publishSeconds(postgres.db);
} finally {
	await postgres.close();
	await dropServerDatabase(serverUrl, name);
}

const dir = mkdtempSync(join(tmpdir(), "medskapa-bench-votes-"));
console.log(`PGlite (data directory, one server process, ${connections} HTTP connections)`);
try {
	let pglite = await openDatabase(`pglite:${dir}`);
	const { voteId, optionIds } = await prepare(pglite);
	// The server process opens the data directory itself: PGlite serves one process at a time.
	await pglite.close();
	const load = await startLoad(`pglite:${dir}`, voteId, optionIds);
	const http = await ballotsPerSecond(load, seconds).finally(() => stopLoad(load));
	pglite = await openDatabase(`pglite:${dir}`);
	try {
		await checkStored(pglite.db, voteId, load.acknowledged, 2);
		report("ballots_per_s_pglite", Math.round(http.rate), "ballots/s");
		report("ballots_per_server_cpu_s_pglite", Math.round(http.perCpuSecond), "ballots/s");
		report("ballots_per_s_pglite_without_http", Math.round(await directBallotsPerSecond(pglite.db, voteId, optionIds)), "ballots/s");
	} finally {
		await pglite.close();
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
report("tally_1m_ms", Math.round(tally.tally), "ms");
report("verify_1m_ms", Math.round(tally.verify), "ms");
report("count_1m_ms", Math.round(tally.count), "ms");
const size = publishBallots % 1_000_000 === 0 ? `${publishBallots / 1_000_000}m` : `${publishBallots / 1000}k`;
const seconds1 = (x: number) => Number(x.toFixed(1));
report(`publish_${size}_s`, seconds1(publishing.rewrite + publishing.vacuum), "s");
report(`publish_${size}_rewrite_s`, seconds1(publishing.rewrite), "s");
report(`publish_${size}_vacuum_s`, seconds1(publishing.vacuum), "s");
report(`publish_${size}_vacuum_full_when_no_vote_is_open_s`, seconds1(publishing.full), "s");
report(`publish_${size}_longest_cast_in_another_vote_during_rewrite_s`, seconds1(publishing.longestCast.rewrite), "s");
report(`publish_${size}_longest_cast_in_another_vote_during_vacuum_s`, seconds1(publishing.longestCast.vacuum), "s");
report(`publish_${size}_longest_cast_in_another_vote_during_vacuum_full_s`, seconds1(publishing.longestCast.full), "s");
console.log("");
for (const line of figures) console.log(line);
