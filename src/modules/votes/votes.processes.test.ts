// Real server processes: one voter's 100 simultaneous attempts across two processes sharing one PostgreSQL, and a
// server killed with SIGKILL in the middle of a load of votes. On PGlite (one process only) the first runs against
// one server process; the in-process version is in votes.cast.test.ts.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import { createOpenVote, createProgramme, createUser, personalNumber } from "../../../test/factories.js";
import { createServerDatabase, type Database, dropServerDatabase, openDatabase } from "../../db/client.js";
import * as s from "../../schema.js";
import { csrfTokenFor } from "../../plugins/csrf.js";
import { startSession } from "../accounts/index.js";
import { castBallot } from "./votes.cast.js";
import { setVoteKey } from "./votes.crypto.js";
import * as repo from "./votes.repo.js";
import { checkReceipt, publishVote } from "./votes.service.js";

const serverUrl = process.env.TEST_DATABASE_URL;
const sessionSecret = randomBytes(24).toString("hex");
const voteRollKey = randomBytes(24).toString("hex");
setVoteKey(voteRollKey);

/** A database the spawned servers can open too: a copy of the test template on PostgreSQL, or a PGlite directory. */
async function sharedDatabase(): Promise<{ url: string; open: () => Promise<Database> }> {
	if (serverUrl) {
		const name = `${process.env.MEDSKAPA_TEST_TEMPLATE}_p${randomBytes(3).toString("hex")}`;
		const url = await createServerDatabase(serverUrl, name, process.env.MEDSKAPA_TEST_TEMPLATE);
		after(() => dropServerDatabase(serverUrl, name));
		return { url, open: () => openDatabase(url, { poolSize: 2 }) };
	}
	const dir = mkdtempSync(join(tmpdir(), "medskapa-votes-"));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const url = `pglite:${dir}`;
	const first = await openDatabase(url);
	await first.migrate();
	await first.close();
	return { url, open: () => openDatabase(url) };
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, "127.0.0.1", () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

async function startServer(url: string): Promise<{ base: string; child: ChildProcess; exited: Promise<unknown> }> {
	const port = await freePort();
	const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
		env: { ...process.env, PORT: String(port), DATABASE_URL: url, SESSION_SECRET: sessionSecret, VOTE_ROLL_KEY: voteRollKey, DEMO_ON_EMPTY: "false", LOG_LEVEL: "error", READ_CACHE_MS: "0" },
		stdio: ["ignore", "ignore", "inherit"],
	});
	const exited = new Promise((resolve) => child.on("exit", resolve));
	after(() => child.kill("SIGKILL"));
	const base = `http://127.0.0.1:${port}`;
	const until = Date.now() + 180_000;
	for (;;) {
		try {
			if ((await fetch(`${base}/health`)).ok) return { base, child, exited };
		} catch {
			if (Date.now() > until) throw new Error("server did not start");
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Posts a ballot the way a signed-in browser does (session cookie and CSRF token); returns the status and receipt. */
async function postBallot(base: string, voteId: string, token: string, optionId: string): Promise<{ status: number; receipt: string | null }> {
	const csrf = randomBytes(18).toString("base64url");
	const res = await fetch(`${base}/omrostning/${voteId}`, {
		method: "POST",
		redirect: "manual",
		headers: { "content-type": "application/x-www-form-urlencoded", cookie: `medskapa_session=${token}; medskapa_csrf=${csrf}`, "x-csrf-token": csrfTokenFor(sessionSecret, csrf, token) },
		body: new URLSearchParams({ channel: "email", choice: optionId }).toString(),
	});
	const location = res.headers.get("location") ?? "";
	await res.arrayBuffer();
	return { status: res.status, receipt: new URL(location || "/", base).searchParams.get("kvitto") };
}

async function setUp(voters: number) {
	const shared = await sharedDatabase();
	const database = await shared.open();
	const { programme } = await createProgramme(database.db);
	const { vote, options } = await createOpenVote(database.db, programme.id, { channels: "email" });
	const tokens: string[] = [];
	for (let i = 0; i < voters; i++) tokens.push((await startSession(database.db, (await createUser(database.db)).id)).token);
	await database.close();
	return { shared, vote, options, tokens };
}

test(serverUrl ? "100 simultaneous attempts by one voter across two server processes give one ballot" : "100 simultaneous attempts by one voter against a server process give one ballot", async () => {
	const { shared, vote, options, tokens } = await setUp(1);
	const servers = serverUrl ? await Promise.all([startServer(shared.url), startServer(shared.url)]) : [await startServer(shared.url)];
	const results = await Promise.all(Array.from({ length: 100 }, (_, i) => postBallot(servers[i % servers.length]!.base, vote.id, tokens[0]!, options[i % 3]!.id)));
	assert.equal(results.filter((r) => r.status === 303).length, 1);
	assert.equal(results.filter((r) => r.status === 422).length, 99);
	for (const s of servers) {
		s.child.kill("SIGTERM");
		await s.exited;
	}
	const check = await shared.open();
	assert.deepEqual(await repo.markAndBallotCounts(check.db, vote.id), { marks: 1, ballots: 1 });
	await check.close();
});

test("SIGKILL during a load of votes loses no acknowledged ballot and leaves marks and ballots equal", async () => {
	const { shared, vote, options, tokens } = await setUp(150);
	const server = await startServer(shared.url);
	const acknowledged: string[] = [];
	let i = 0;
	const worker = async () => {
		while (i < tokens.length) {
			const token = tokens[i++]!;
			try {
				const r = await postBallot(server.base, vote.id, token, options[i % 3]!.id);
				if (r.status === 303 && r.receipt) acknowledged.push(r.receipt);
			} catch {
				return; // the server is gone
			}
		}
	};
	const load = Promise.all(Array.from({ length: 8 }, worker));
	while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 5));
	server.child.kill("SIGKILL");
	await server.exited;
	await load;
	assert.ok(acknowledged.length < tokens.length, "the kill happened during the load");
	const check = await shared.open();
	const counts = await repo.markAndBallotCounts(check.db, vote.id);
	assert.equal(counts.marks, counts.ballots);
	assert.ok(counts.ballots >= acknowledged.length);
	for (const receipt of acknowledged) assert.equal(await checkReceipt(check.db, vote.id, receipt), true, receipt);
	await check.close();
});

/** Runs `medskapa audit:verify` on a database; resolves with its exit code and output. */
function auditVerify(url: string): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ["--import", "tsx", "src/cli/medskapa.ts", "audit:verify"], { env: { ...process.env, DATABASE_URL: url, SESSION_SECRET: sessionSecret, VOTE_ROLL_KEY: voteRollKey, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "pipe"] });
	let output = "";
	child.stdout!.on("data", (d) => (output += d));
	child.stderr!.on("data", (d) => (output += d));
	return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

test("`medskapa audit:verify` passes an untouched vote and exits non-zero when a row was changed", async () => {
	const shared = await sharedDatabase();
	const database = await shared.open();
	const { programme } = await createProgramme(database.db);
	const { vote, options } = await createOpenVote(database.db, programme.id, { channels: "eid" });
	await castBallot(database.db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber() }, choices: [options[0]!.id] });
	await database.db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	await publishVote(database.db, vote.id);
	await database.close();
	const good = await auditVerify(shared.url);
	assert.equal(good.code, 0, good.output);
	assert.match(good.output, new RegExp(`${vote.id} ok`));

	const again = await shared.open();
	await again.db.update(s.ballots).set({ choices: options[1]!.id }).where(eq(s.ballots.voteId, vote.id));
	await again.close();
	const bad = await auditVerify(shared.url);
	assert.equal(bad.code, 1, bad.output);
	assert.match(bad.output, /FAILED[\s\S]*published totals/);
});
