// Nothing personal reaches the log: a run that uses names, e-mail addresses, message text and a ballot, and fails in
// the database while doing so (a trigger refuses the writes), leaves none of them in any log line.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import { sql } from "drizzle-orm";
import { createOpenVote, createProgramme, createUser, signedInUser } from "../../test/factories.js";
import { TestClient, testConfig, testDatabase } from "../../test/helpers.js";
import { buildApp } from "../app.js";

const lines: string[] = [];
const logStream = new Writable({
	write(chunk, _encoding, done) {
		lines.push(...String(chunk).split("\n").filter(Boolean));
		done();
	},
});
const database = await testDatabase();
const { db } = database;
// Every level, and a mail server that refuses: its failure is part of the run too.
const app = await buildApp(testConfig({ logLevel: "trace", smtpUrl: "smtp://127.0.0.1:9" }), database, { logStream });
after(() => app.close());
const log = () => lines.join("\n");

/** Makes every write to a table fail inside the database, as a broken constraint or a bug in a function would. */
async function refuseWritesTo(table: string) {
	await db.execute(sql.raw(`create or replace function refuse_in_test() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`));
	await db.execute(sql.raw(`create trigger refuse_in_test before insert or update on ${table} for each row execute function refuse_in_test()`));
}

async function allowWritesTo(table: string) {
	await db.execute(sql.raw(`drop trigger refuse_in_test on ${table}`));
}

/** The lines of the log that report a failed request (level 50). */
const errorLines = () => lines.filter((l) => JSON.parse(l).level === 50);

test("a database error during a vote cast leaves none of the ballot's parameters in the log", async () => {
	const { programme } = await createProgramme(db);
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "email" });
	const { client, user } = await signedInUser(app, db);
	// A cast writes the sealed ballot to the queue (mixed into `ballots` later, see votes.mixing.ts).
	await refuseWritesTo("vote_ballot_queue");
	const res = await client.post(`/omrostning/${vote.id}`, { channel: "email", choice: options[1]!.id });
	await allowWritesTo("vote_ballot_queue");
	assert.equal(res.statusCode, 500);

	const [failure] = errorLines();
	assert.ok(failure, "the failure is logged");
	const entry = JSON.parse(failure);
	assert.match(JSON.stringify(entry.err), /"code":"P0001"/, "with the database's error code, so that it can be found");
	assert.match(entry.err.stack, /^ {4}at /, "and where it happened");
	assert.ok(res.body.includes(entry.ref), "under the reference the person was shown");
	for (const secret of [options[1]!.id, user.id, user.email]) assert.ok(!log().includes(secret), `the log holds ${secret}`);
	assert.doesNotMatch(log(), /params/);
});

test("a run with names, addresses and message text, some of it failing, leaves none of them in the log", async () => {
	await createUser(db, { isAdministrator: true, email: "administrator.of.logs@example.se" });
	const name = "Ingegerd Loggfri";
	const email = "ingegerd.loggfri@example.se";
	const message = "Knappen för att skicka syns inte i högkontrast";
	const { client, user } = await signedInUser(app, db, { email });
	const anonymous = new TestClient(app);

	assert.equal((await client.post("/account", { name })).statusCode, 303);
	assert.equal((await anonymous.post("/tillganglighet", { description: message, email })).statusCode, 303);
	assert.equal((await anonymous.get(`/vision?namn=${encodeURIComponent(name)}&epost=${encodeURIComponent(email)}`)).statusCode, 200);
	assert.equal((await anonymous.post("/sign-in", { email })).statusCode, 303);

	await refuseWritesTo("users");
	assert.equal((await client.post("/account", { name: `${name} igen` })).statusCode, 500);
	await allowWritesTo("users");
	await refuseWritesTo("outbox");
	assert.equal((await anonymous.post("/tillganglighet", { description: `${message} igen`, email })).statusCode, 500);
	assert.equal((await anonymous.post("/sign-in", { email })).statusCode, 500);
	await allowWritesTo("outbox");

	assert.ok(errorLines().length >= 3, "the failures are logged");
	assert.ok(lines.some((l) => l.includes('"path":"/vision"')), "requests are logged by their path");
	for (const secret of [name, email, message, user.id, "Ingegerd", "loggfri", "högkontrast", "Knappen"]) {
		assert.ok(!log().toLowerCase().includes(secret.toLowerCase()), `the log holds ${secret}`);
	}
});
