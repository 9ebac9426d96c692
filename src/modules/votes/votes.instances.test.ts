// Two app instances on one database, as two server processes behind a load balancer: what one instance does to a
// vote holds in the other, whatever the other keeps in memory. On PGlite the two share one client through distinct
// handles (what an instance keeps per handle is kept apart); on PostgreSQL each has a pool of its own.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { buildApp } from "../../app.js";
import { createOpenVote, createProgramme, createUser, personalNumber, signInAs, signInWithEid } from "../../../test/factories.js";
import { TestClient, testConfig, testedOn, twoHandles } from "../../../test/helpers.js";
import * as s from "../../schema.js";
import { castBallot } from "./votes.cast.js";
import { receiptHash } from "./votes.crypto.js";
import { mixFullBatches } from "./votes.mixing.js";
import * as repo from "./votes.repo.js";
import { results } from "./votes.service.js";

const [first, second] = await twoHandles();
const config = testConfig();
const appA = await buildApp(config, first);
const appB = await buildApp(config, second);
after(async () => {
	await appA.close();
	await appB.close();
});
const db = first.db;
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

test(`closing a vote early in one instance stops web ballots in the other at once (${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid,paper" });
	const early = new TestClient(appB);
	signInWithEid(early, config, personalNumber("19700101"));
	assert.equal((await early.post(`/omrostning/${vote.id}`, { channel: "eid", choice: options[0]!.id })).statusCode, 303, "instance B takes ballots while the vote is open");

	const staff = new TestClient(appA);
	await signInAs(staff, db, official.id);
	assert.equal((await staff.post(`/admin/votes/${vote.id}/close`, {})).statusCode, 303);

	const late = new TestClient(appB);
	signInWithEid(late, config, personalNumber("19710202"));
	const refused = await late.post(`/omrostning/${vote.id}`, { channel: "eid", choice: options[1]!.id });
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Omröstningen är stängd\. Rösten sparades inte\./);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 1, ballots: 1 }, "nothing of the late ballot is stored");
});

test(`two instances casting into one vote at once, each with its own mixer: after publishing, every acknowledged ballot is counted exactly once and nothing is left queued (${testedOn})`, async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid" });
	const apps = [appA, appB];
	const voters = 480;
	const acknowledged: { receipt: string; choice: string }[] = [];
	let next = 0;
	// Eight voters at a time on each instance; each voter a distinct person (birth year and month differ).
	const worker = async (instance: number) => {
		while (next < voters) {
			const i = next++;
			const voter = new TestClient(apps[instance]!);
			signInWithEid(voter, config, personalNumber(`${1930 + (i % 60)}${String(1 + Math.floor(i / 60)).padStart(2, "0")}15`));
			const choice = options[i % options.length]!.id;
			const res = await voter.post(`/omrostning/${vote.id}`, { channel: "eid", choice });
			assert.equal(res.statusCode, 303, `voter ${i}`);
			acknowledged.push({ receipt: new URL(res.headers.location as string, "http://x").searchParams.get("kvitto")!, choice });
		}
	};
	// Each instance's periodic mixer runs during the load too, as the server's timer would.
	let casting = true;
	const mixer = async (handle: typeof first) => {
		let mixed = 0;
		while (casting) {
			mixed += await mixFullBatches(handle.db, vote.id);
			await new Promise((r) => setTimeout(r, 5));
		}
		return mixed;
	};
	const mixers = Promise.all([mixer(first), mixer(second)]);
	await Promise.all([0, 1].flatMap((instance) => Array.from({ length: 8 }, () => worker(instance))));
	casting = false;
	const mixedDuring = (await mixers).reduce((a, b) => a + b, 0);
	assert.equal(acknowledged.length, voters);
	assert.ok((await repo.markAndBallotCounts(db, vote.id)).ballots === voters);
	const queuedAfterLoad = await repo.queuedCount(db, vote.id);
	assert.ok(queuedAfterLoad <= voters - 200, `batches were mixed during the vote (${voters - queuedAfterLoad} of ${voters})`);
	assert.ok(mixedDuring + queuedAfterLoad <= voters, "mixing took no ballot twice during the vote");

	await db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	const staff = new TestClient(appB);
	await signInAs(staff, db, official.id);
	assert.equal((await staff.post(`/admin/votes/${vote.id}/publish`, {})).statusCode, 303);

	assert.equal(await repo.queuedCount(db, vote.id), 0, "nothing left in the queue");
	const stored = await db.select({ receiptHash: s.ballots.receiptHash, choices: s.ballots.choices }).from(s.ballots).where(eq(s.ballots.voteId, vote.id));
	assert.equal(stored.length, voters, "one ballot per acknowledged receipt, no more");
	const byReceipt = new Map(stored.map((b) => [b.receiptHash, b.choices]));
	for (const a of acknowledged) assert.equal(byReceipt.get(receiptHash(a.receipt)), a.choice, "each acknowledged ballot is counted once, as cast");
	const expected = new Map<string, number>();
	for (const a of acknowledged) expected.set(a.choice, (expected.get(a.choice) ?? 0) + 1);
	const published = await results(db, vote.id);
	for (const o of published.options) assert.equal(o.votes, expected.get(o.id) ?? 0, `published total for option ${o.position}`);
	assert.equal(published.ballots, voters);
});

/** Locks that stop every cast: an exclusive lock (VACUUM FULL, LOCK TABLE, a rewrite) on a table all votes share. */
async function exclusiveLocksOnSharedTables(): Promise<string[]> {
	const result = await db.execute(sql`
		select c.relname, l.granted, a.query from pg_locks l
		join pg_class c on c.oid = l.relation
		left join pg_stat_activity a on a.pid = l.pid
		where l.database = (select oid from pg_database where datname = current_database())
			and l.mode = 'AccessExclusiveLock'
			and c.relname in ('ballots', 'voter_marks', 'vote_tallies', 'vote_ballot_queue')`);
	return (result as unknown as { rows: { relname: string; granted: boolean; query: string | null }[] }).rows.map(
		(r) => `${r.relname} (${r.granted ? "held" : "waited for"} by: ${r.query ?? "?"})`,
	);
}

// PostgreSQL only: on PGlite one connection serves one statement at a time, so no cast can run while another vote publishes.
if (testedOn === "PostgreSQL") {
	test("publishing a large vote takes no lock that stops casting in another open vote: a cast in flight there does not hold it up, and no exclusive lock on the shared tables is taken (PostgreSQL)", async () => {
		const a = await createOpenVote(db, programme.id, { channels: "eid" });
		const b = await createOpenVote(db, programme.id, { channels: "eid" });
		// Vote A: 20 000 ballots with their marks and kept counts, as casting and mixing leave them, past its close.
		const size = 20_000;
		await db.execute(sql`
			insert into ballots (id, vote_id, choices, blank, channel, day, receipt_hash)
			select gen_random_uuid(), ${a.vote.id}, (array[${a.options[0]!.id}, ${a.options[1]!.id}])[1 + i % 2], false, 'eid', '2026-12-01', md5(i::text || ${a.vote.id})
			from generate_series(1, ${size}) as i`);
		await db.execute(sql`
			insert into vote_tallies (vote_id, channel, blank, choices, shard, ballots)
			select vote_id, channel, blank, choices, 0, count(*)::int from ballots where vote_id = ${a.vote.id} group by 1, 2, 3, 4`);
		await db.execute(sql`insert into voter_marks (vote_id, voter_key, channel) select ${a.vote.id}, 'bulk:' || i, 'eid' from generate_series(1, ${size}) as i`);
		await db.execute(sql`update votes set closes_at = now() - interval '1 second' where id = ${a.vote.id}`);

		// A ballot in vote B whose transaction stays open until publishing A has ended: an exclusive lock on a shared
		// table would have to wait for it, and is then seen waiting in pg_locks (no clock decides this test).
		let releaseCast!: () => void;
		const castMayCommit = new Promise<void>((resolve) => (releaseCast = resolve));
		let castQueued!: () => void;
		const queued = new Promise<void>((resolve) => (castQueued = resolve));
		const inFlight = second.db.transaction(async (tx) => {
			await castBallot(tx, { voteId: b.vote.id, channel: "eid", voter: { pin: personalNumber("19500505") }, choices: [b.options[0]!.id] });
			castQueued();
			await castMayCommit;
		});
		await queued;

		// Meanwhile voters keep casting in vote B through the other instance; the longest of these casts is reported.
		let publishing = true;
		let longestCastMs = 0;
		let accepted = 0;
		const voters = (async () => {
			while (publishing) {
				const voter = new TestClient(appB);
				signInWithEid(voter, config, personalNumber("19600606"));
				const started = performance.now();
				const res = await voter.post(`/omrostning/${b.vote.id}`, { channel: "eid", choice: b.options[1]!.id });
				longestCastMs = Math.max(longestCastMs, performance.now() - started);
				if (res.statusCode === 303) accepted += 1;
			}
		})();

		const staff = new TestClient(appA);
		await signInAs(staff, db, official.id);
		let published = false;
		const publish = staff.post(`/admin/votes/${a.vote.id}/publish`, {}).then((res) => {
			published = true;
			return res;
		});
		const seen = new Set<string>();
		while (!published) {
			for (const lock of await exclusiveLocksOnSharedTables()) seen.add(lock);
			// Publishing waits for the open cast: let it go, so that the test ends and reports what was taken.
			if (seen.size) releaseCast();
			await new Promise((r) => setTimeout(r, 10));
		}
		releaseCast();
		publishing = false;
		await Promise.all([inFlight, voters]);
		assert.equal((await publish).statusCode, 303);
		assert.deepEqual([...seen], [], "no exclusive lock on a table every vote uses, while vote B was open");
		assert.ok((await repo.findVote(db, a.vote.id))?.resultsPublishedAt, "vote A is published");
		assert.deepEqual(await repo.markAndBallotCounts(db, b.vote.id), { marks: 1 + accepted, ballots: 1 + accepted }, "vote B kept every ballot");
		assert.deepEqual(await repo.markAndBallotCounts(db, a.vote.id), { marks: size, ballots: size });
		console.log(`longest cast in vote B while vote A (${size} ballots) published: ${longestCastMs.toFixed(0)} ms over ${accepted} casts`);
	});
}
