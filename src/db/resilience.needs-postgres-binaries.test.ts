// What the app survives of its PostgreSQL: races between transactions, and a restart under a load of votes. Needs the
// PostgreSQL server binaries (initdb, pg_ctl): the tests run their own cluster, so the machine's shared server is not
// disturbed, and fail with a clear message when the binaries are missing.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { createOpenVote, createProgramme, createUser } from "../../test/factories.js";
import { privatePostgres } from "../../test/private-postgres.js";
import { startServer } from "../../test/server-process.js";
import { startSession } from "../modules/accounts/index.js";
import { queuedReceiptHash, receiptHash } from "../modules/votes/index.js";
import { createServerDatabase, openDatabase } from "./client.js";
import { csrfTokenFor } from "../plugins/csrf.js";
import * as s from "../schema.js";

const cluster = await privatePostgres({ deadlock_timeout: "100ms" });
const url = await createServerDatabase(cluster.serverUrl, "medskapa");
const database = await openDatabase(url, { poolSize: 4 });
await database.migrate();
after(() => database.close());
const { db } = database;

/** The rows of a raw statement's result (drizzle types them per driver). */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A meeting point for n parties: each waits until all have come. */
function meeting(n: number): () => Promise<void> {
	let arrived = 0;
	let open = () => {};
	const allHere = new Promise<void>((resolve) => (open = resolve));
	return async () => {
		if (++arrived === n) open();
		await allHere;
	};
}

test("needs PostgreSQL binaries: a deadlock between two transactions is run again, and both succeed", async () => {
	await db.execute(sql`create table deadlock_race (id int primary key, n int not null)`);
	await db.execute(sql`insert into deadlock_race values (1, 0), (2, 0)`);
	const attempts = [0, 0];
	const bothHoldOne = meeting(2);
	// Each takes one row, then wants the other's: PostgreSQL aborts one of them (40P01).
	const crossing = (i: number, first: number, second: number) =>
		db.transaction(async (tx) => {
			attempts[i]!++;
			await tx.execute(sql`update deadlock_race set n = n + 1 where id = ${first}`);
			if (attempts[i] === 1) await bothHoldOne();
			await tx.execute(sql`update deadlock_race set n = n + 1 where id = ${second}`);
		});
	await Promise.all([crossing(0, 1, 2), crossing(1, 2, 1)]);
	const rows = rowsOf<{ n: number }>(await db.execute(sql`select n from deadlock_race order by id`));
	assert.deepEqual(rows.map((r) => r.n), [2, 2], "both transactions counted once each");
	assert.equal(attempts[0]! + attempts[1]!, 3, "one of them ran twice");
});

test("needs PostgreSQL binaries: a serialization failure is run again, and the second run sees the first's row", async () => {
	await db.execute(sql`create table serial_race (n int not null)`);
	const attempts = [0, 0];
	const bothHaveRead = meeting(2);
	// Both count, then both append count + 1: serializable isolation refuses one of them (40001).
	const append = (i: number) =>
		db.transaction(
			async (tx) => {
				attempts[i]!++;
				const [counted] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from serial_race`));
				if (attempts[i] === 1) await bothHaveRead();
				await tx.execute(sql`insert into serial_race values (${counted!.n + 1})`);
			},
			{ isolationLevel: "serializable" },
		);
	await Promise.all([append(0), append(1)]);
	const rows = rowsOf<{ n: number }>(await db.execute(sql`select n from serial_race order by n`));
	assert.deepEqual(rows.map((r) => r.n), [1, 2]);
	assert.equal(attempts[0]! + attempts[1]!, 3);
});

test("needs PostgreSQL binaries: a PostgreSQL restart under a load of votes answers 503 meanwhile, keeps the server alive and loses no acknowledged ballot", { timeout: 300_000 }, async () => {
	const sessionSecret = randomBytes(32).toString("hex");
	const { programme } = await createProgramme(db);
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "email" });
	const voters: string[] = [];
	for (let i = 0; i < 200; i++) voters.push((await startSession(db, (await createUser(db)).id)).token);
	const server = await startServer({ DATABASE_URL: url, SESSION_SECRET: sessionSecret, VOTE_ROLL_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "warn" });

	/** Posts a ballot as a signed-in browser does. */
	const post = async (token: string, optionId: string) => {
		const csrf = randomBytes(18).toString("base64url");
		const res = await fetch(`${server.base}/omrostning/${vote.id}`, {
			method: "POST",
			redirect: "manual",
			headers: { "content-type": "application/x-www-form-urlencoded", cookie: `medskapa_session=${token}; medskapa_csrf=${csrf}`, "x-csrf-token": csrfTokenFor(sessionSecret, csrf, token) },
			body: new URLSearchParams({ channel: "email", choice: optionId }).toString(),
		});
		const body = await res.text();
		const receipt = new URL(res.headers.get("location") || "/", server.base).searchParams.get("kvitto");
		return { status: res.status, retryAfter: res.headers.get("retry-after"), body, receipt };
	};

	const health: number[] = [];
	let polling = true;
	const poller = (async () => {
		while (polling) {
			health.push(await fetch(`${server.base}/health`).then((r) => r.status, () => 0));
			await pause(20);
		}
	})();

	const acknowledged: string[] = [];
	const unavailable: Awaited<ReturnType<typeof post>>[] = [];
	const others: string[] = [];
	let acknowledgedAfterRestart = 0;
	let restarted = false;
	let next = 0;
	// Each voter tries again after a 503, as a person would; a ballot committed just before its connection broke is then
	// refused as already cast (422), which is right.
	const worker = async () => {
		while (next < voters.length) {
			const n = next++;
			for (let tried503 = false; ; ) {
				const r = await post(voters[n]!, options[n % options.length]!.id).catch((err: Error) => ({ status: 0, body: err.message, receipt: null, retryAfter: null }));
				if (r.status === 303 && r.receipt) {
					acknowledged.push(r.receipt);
					if (restarted) acknowledgedAfterRestart++;
					break;
				}
				if (r.status === 503) {
					unavailable.push(r);
					tried503 = true;
					await pause(50);
					continue;
				}
				if (!(r.status === 422 && tried503)) others.push(`${r.status}: ${r.body.slice(0, 300)}`);
				break;
			}
		}
	};
	let loadDone = false;
	const load = Promise.all(Array.from({ length: 6 }, worker)).finally(() => (loadDone = true));
	try {
		while (acknowledged.length < 30 && !loadDone) await pause(5);
		await cluster.restart();
		restarted = true;
		await load;
		await pause(100);
	} finally {
		polling = false;
		await poller;
	}

	assert.equal(server.child.exitCode, null, `the server process is alive:\n${server.output()}`);
	assert.deepEqual(others, [], "no other answer than 303, 503, or 422 for a voter who retried after a 503");
	assert.ok(unavailable.length > 0, "requests during the restart were answered 503");
	for (const r of unavailable) assert.equal(r.retryAfter, "5");
	assert.match(unavailable[0]!.body, /Tillfälligt otillgänglig/);
	assert.ok(acknowledgedAfterRestart > 0, "the server serves again once the database is back");
	const down = health.indexOf(503);
	assert.ok(down > 0 && health.slice(0, down).includes(200), `/health said 200, then 503 while the database was down: ${health.join(",")}`);
	assert.equal(health.at(-1), 200, "and 200 when it was back");
	assert.ok(!health.includes(0), "/health always answered");

	// A ballot is in the database mixed (found by its receipt's hash) or still queued (by its queued hash).
	const [mixed] = await db.select({ n: count() }).from(s.ballots).where(and(eq(s.ballots.voteId, vote.id), inArray(s.ballots.receiptHash, acknowledged.map(receiptHash))));
	const [queued] = await db.select({ n: count() }).from(s.ballotQueue).where(and(eq(s.ballotQueue.voteId, vote.id), inArray(s.ballotQueue.receiptLookup, acknowledged.map(queuedReceiptHash))));
	assert.equal(mixed!.n + queued!.n, acknowledged.length, "every acknowledged ballot is in the database");
	const [marks] = await db.select({ n: count() }).from(s.voterMarks).where(eq(s.voterMarks.voteId, vote.id));
	const [ballots] = await db.select({ n: count() }).from(s.ballots).where(eq(s.ballots.voteId, vote.id));
	const [waiting] = await db.select({ n: count() }).from(s.ballotQueue).where(eq(s.ballotQueue.voteId, vote.id));
	assert.equal(marks!.n, ballots!.n + waiting!.n, "one mark per ballot");

	const log = server.output();
	assert.match(log, /database unavailable, answered 503/);
	assert.doesNotMatch(log, /"level":50/, "nothing logged as an error (no 500)");
	for (const o of options) assert.ok(!log.includes(o.id), "no statement parameters in the log");
	server.child.kill("SIGTERM");
	assert.equal(await server.exited, 0, "and it still shuts down cleanly");
});
