// Vote benchmarks: ballots per second over HTTP from e-ID-verified voters (PostgreSQL and PGlite), beside pgbench's
// simple-insert rate on the same PostgreSQL in the same run, and the time to tally 1 000 000 ballots.
// Ends with one `bench votes <figure> <value> <unit>` line per headline figure.
import { pgbenchTps } from "./pgbench.js";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import { createServerDatabase, type Database, type Db, dropServerDatabase, openDatabase } from "../src/db/client.js";
import * as s from "../src/db/schema.js";
import { seedDemo } from "../src/demo/seed.js";
import { luhnCheckDigit } from "../src/lib/luhn.js";
import { seal } from "../src/modules/eid/eid.seal.js";
import { eidTtlMs, identityCookie } from "../src/modules/eid/eid.service.js";
import { castBallot } from "../src/modules/votes/index.js";
import { results } from "../src/modules/votes/votes.service.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Browsers voting at once: a busy evening with a municipality's vote open. */
const connections = 32;
/** The app's PostgreSQL pool, and pgbench's clients: the same number of database connections on both sides. */
const dbConnections = 16;
const warmUpSeconds = 1;
const seconds = 5;
const tallyBallots = 1_000_000;
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

/** An open vote on five options (results visible live, so the tally runs); returns its id and option ids. */
async function openVote(db: Db): Promise<{ voteId: string; optionIds: string[] }> {
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
	return { voteId: vote!.id, optionIds: options.map((o) => o.id) };
}

/** Ballots per second through POST /omrostning/:id, each from another verified voter (a fresh sealed e-ID cookie). */
async function ballotsPerSecond(database: Database, config: Config): Promise<number> {
	const { voteId, optionIds } = await openVote(database.db);
	const app = await buildApp(config, database);
	await app.listen({ port: 0, host: "127.0.0.1" });
	const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
	try {
		// One CSRF secret and its token serve every request, as they would one browser.
		const signIn = await fetch(`${base}/sign-in`);
		const csrfCookie = signIn.headers.getSetCookie().find((c) => c.startsWith("medskapa_csrf="))?.split(";")[0];
		const token = /name="_csrf" value="([^"]+)"/.exec(await signIn.text())?.[1];
		if (!csrfCookie || !token) throw new Error("no CSRF token on /sign-in");
		let voter = 0;
		const run = (duration: number) =>
			autocannon({
				url: base,
				connections,
				duration,
				requests: [
					{
						method: "POST",
						path: `/omrostning/${voteId}`,
						setupRequest: (req) => {
							const n = voter++;
							const identity = seal(config.sessionSecret, identityCookie, pinNumber(n), eidTtlMs);
							return {
								...req,
								headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrfCookie}; ${identityCookie}=${identity}` },
								body: new URLSearchParams({ _csrf: token, channel: "eid", choice: optionIds[n % optionIds.length]! }).toString(),
							};
						},
					},
				],
			});
		await run(warmUpSeconds);
		const result = await run(seconds);
		const cast = result.statusCodeStats["303"]?.count ?? 0;
		const other = Object.entries(result.statusCodeStats).filter(([code]) => code !== "303");
		if (other.length || result.errors) throw new Error(`answers other than 303: ${JSON.stringify(other)}, ${result.errors} errors`);
		const stored = await database.db.execute(sql`select count(*)::int as n from ballots where vote_id = ${voteId}`);
		console.log(`  (${cast} ballots in ${result.duration} s; ${(stored as unknown as { rows: { n: number }[] }).rows[0]?.n} stored with the warm-up)`);
		return cast / result.duration;
	} finally {
		await app.close();
	}
}

/** Ballots per second through castBallot called directly with the same concurrency: the rate without HTTP. */
async function directBallotsPerSecond(db: Db): Promise<number> {
	const { voteId, optionIds } = await openVote(db);
	// Far from the numbers the HTTP run used, so no voter is refused as having voted.
	let voter = 10_000_000;
	let cast = 0;
	const until = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (performance.now() < until) {
				const n = voter++;
				await castBallot(db, { voteId, channel: "eid", voter: { pin: pinNumber(n).pin }, choices: [optionIds[n % optionIds.length]!] });
				cast++;
			}
		}),
	);
	return cast / seconds;
}

/** Time for the votes module's results (its tally) over 1 000 000 stored ballots, and for a bare count of them; best of five after a warm-up. */
async function tallyMs(db: Db): Promise<{ tally: number; count: number }> {
	const { voteId, optionIds } = await openVote(db);
	// Proposal 5 gets 41 %, the rest share what is left, and one in fifty is blank.
	await db.execute(sql`
		insert into ballots (id, vote_id, choices, blank, channel, day, receipt_hash)
		select gen_random_uuid(), ${voteId},
			case when i % 50 = 0 then '' when i % 100 < 41 then ${optionIds[4]} else (array[${optionIds[0]}, ${optionIds[1]}, ${optionIds[2]}, ${optionIds[3]}])[1 + i % 4] end,
			i % 50 = 0, case when i % 10 = 0 then 'paper' else 'eid' end, '2019-01-10', md5(i::text || ${voteId})
		from generate_series(1, ${tallyBallots}) as i`);
	await db.execute(sql`analyze ballots`);
	const best = async (run: () => Promise<unknown>) => {
		const times: number[] = [];
		for (let i = 0; i < 6; i++) {
			const started = performance.now();
			await run();
			times.push(performance.now() - started);
		}
		return Math.min(...times.slice(1));
	};
	const tally = await best(async () => {
		const r = await results(db, voteId);
		if (r.ballots !== tallyBallots) throw new Error(`the tally counted ${r.ballots} ballots, not ${tallyBallots}`);
	});
	const count = await best(() => db.execute(sql`select count(*) from ballots where vote_id = ${voteId}`));
	return { tally, count };
}

const config: Config = { ...loadConfig({}), logLevel: "silent" };

console.log(`PostgreSQL (${new URL(serverUrl).host}, fresh database, ${connections} HTTP connections, pool of ${dbConnections})`);
const name = `medskapa_bench_votes_${process.pid}`;
const postgres = await openDatabase(await createServerDatabase(serverUrl, name), { poolSize: dbConnections });
let pgRate: number;
let tally: { tally: number; count: number };
try {
	await postgres.migrate();
	await seedDemo(postgres.db);
	pgRate = await ballotsPerSecond(postgres, config);
	report("ballots_per_s_postgres", Math.round(pgRate), "ballots/s");
	report("ballots_per_s_postgres_without_http", Math.round(await directBallotsPerSecond(postgres.db)), "ballots/s");
	console.log(`pgbench -N -c ${dbConnections} -j 2 -T ${seconds} on the same server`);
	const tps = pgbenchTps(serverUrl, dbConnections, seconds);
	report("pgbench_tps", Math.round(tps), "tps");
	report("ratio_vs_pgbench", Number((pgRate / tps).toFixed(2)), "x");
	console.log(`Tallying ${tallyBallots} ballots on PostgreSQL`);
	tally = await tallyMs(postgres.db);
} finally {
	await postgres.close();
	await dropServerDatabase(serverUrl, name);
}

console.log(`PGlite (in memory, ${connections} HTTP connections)`);
const pglite = await openDatabase("pglite:memory:");
try {
	await pglite.migrate();
	await seedDemo(pglite.db);
	report("ballots_per_s_pglite", Math.round(await ballotsPerSecond(pglite, config)), "ballots/s");
	report("ballots_per_s_pglite_without_http", Math.round(await directBallotsPerSecond(pglite.db)), "ballots/s");
} finally {
	await pglite.close();
}
report("tally_1m_ms", Math.round(tally.tally), "ms");
report("count_1m_ms", Math.round(tally.count), "ms");
console.log("");
for (const line of figures) console.log(line);
