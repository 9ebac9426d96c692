// Sign-in codes: an address gets at most 5 an hour and 10 a day, whichever hour they are asked for in, counted in Redis
// as several processes share them; the outbox, which administrators read, never holds a code.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, test } from "node:test";
import { Redis } from "ioredis";
import { formatDate, todayInSweden } from "../../i18n/i18n.js";
import { createUser, lastCodeTo, lastMailTo, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const { app, db } = await testApp({ redisUrl, trustProxy: true });
const redis = new Redis(redisUrl);
after(() => redis.quit());

/** Asks for a code for an address from a client address of its own; gives the status. */
async function askForCode(client: TestClient, email: string): Promise<number> {
	const res = await app.inject({
		method: "POST",
		url: "/sign-in",
		payload: new URLSearchParams({ email, _csrf: await client.csrfToken() }).toString(),
		headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
	});
	return res.statusCode;
}

/** As if an hour had passed: the address's hourly count in Redis runs out. */
const anHourLater = (email: string) => redis.del(`medskapa:rl:5/3600:sign-in:email:${email}`);

test("an address gets 5 codes an hour and 10 a day, whatever the hour", async () => {
	const client = new TestClient(app);
	const email = `limits-${randomUUID().slice(0, 8)}@example.se`;
	const statuses = [];
	for (let i = 0; i < 6; i++) statuses.push(await askForCode(client, email));
	assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429], "5 in the first hour");
	await anHourLater(email);
	statuses.length = 0;
	for (let i = 0; i < 6; i++) statuses.push(await askForCode(client, email));
	assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429], "5 more in the next");
	await anHourLater(email);
	assert.equal(await askForCode(client, email), 429, "and none in the third: 10 a day");
	const refused = await client.post("/sign-in", { email });
	assert.match(refused.body, /Du har begärt för många koder/);
	const field = /id="error-email"[^>]*>([\s\S]*?)<\/p>/.exec(refused.body)?.[1] ?? "";
	assert.doesNotMatch(field, /timme/, "the day's limit does not promise a new code within the hour");
	const tomorrow = formatDate("sv", todayInSweden(new Date(Date.now() + 86_400_000)));
	assert.ok(field.includes(tomorrow), `it says a new code can be asked for tomorrow (${tomorrow}): ${field}`);
});

test("the outbox holds no sign-in code, so an administrator cannot read one", async () => {
	const client = new TestClient(app);
	const email = `outbox-${randomUUID().slice(0, 8)}@example.se`;
	assert.equal(await askForCode(client, email), 303);
	const code = lastCodeTo(email);
	const kept = await lastMailTo(db, email);
	assert.ok(kept && !kept.body.includes(code), "the outbox keeps the mail without its code");
	assert.match(kept.body, /Innehållet sparas inte: mejlet innehöll en inloggningskod/);
	const administrator = new TestClient(app);
	await signInAs(administrator, db, (await createUser(db, { isAdministrator: true })).id);
	const outbox = await administrator.get("/admin/outbox");
	assert.equal(outbox.statusCode, 200);
	assert.ok(outbox.body.includes(email) && !outbox.body.includes(code));
});
