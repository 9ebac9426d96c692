import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { createUser, lastCodeTo, lastMailSentTo, lastMailTo, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as s from "../../schema.js";

// trustProxy: each test gets its own client address through x-forwarded-for, so the per-IP limits do not mix.
const { app, db } = await testApp({ trustProxy: true });

let ipCounter = 0;
const newIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
let mailCounter = 0;
const newEmail = () => `resident-${++mailCounter}-${Date.now()}@example.se`;

type Cookie = { name: string; value: string; maxAge?: number; expires?: Date; httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string };

/** Sends a request like a browser from one address, keeping cookies in the client. */
async function send(client: TestClient, ip: string, url: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
	const cookie = () => [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	let payload: string | undefined;
	if (form) {
		const body = new URLSearchParams(form);
		if (!("_csrf" in form)) body.set("_csrf", await client.csrfToken());
		payload = body.toString();
	}
	const res = await app.inject({
		method: form ? "POST" : "GET",
		url,
		payload,
		headers: { cookie: cookie(), "x-forwarded-for": ip, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...headers },
	});
	for (const c of res.cookies as Cookie[]) {
		if (c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) client.cookies.delete(c.name);
		else client.cookies.set(c.name, c.value);
	}
	return res;
}

/** Asks for a code and returns the code page's path and the code from the outbox. */
async function requestCode(client: TestClient, ip: string, email: string, query = "") {
	const res = await send(client, ip, `/sign-in${query}`, { email });
	assert.equal(res.statusCode, 303, res.body);
	const location = String(res.headers.location);
	assert.match(location, /^\/sign-in\/code\/[0-9a-f-]{36}(\?|$)/);
	return { path: location, code: lastCodeTo(email) };
}

const sessionCookieOf = (res: LightMyRequestResponse) => (res.cookies as Cookie[]).find((c) => c.name === "medskapa_session");
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

test("a person signs in with a mailed code and lands where they were going", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const form = await send(client, ip, "/sign-in?next=/account");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Logga in<\/h1>/);
	assert.match(form.body, /Vi sparar bara din e-postadress, och bara för att kunna logga in dig\./);
	assert.match(form.body, /action="\/sign-in\?next=%2Faccount"/);

	const email = newEmail();
	const { path, code } = await requestCode(client, ip, email, "?next=%2Faccount");
	assert.ok(!path.includes("example.se"), "the address never goes into a URL");
	assert.match(path, /\?next=%2Faccount$/);
	const mail = await lastMailTo(db, email);
	assert.equal(mail!.subject, "Din inloggningskod till Medskapa");
	const [row] = await db.select().from(s.signInCodes).where(eq(s.signInCodes.email, email));
	assert.ok(!row!.codeHash.includes(code), "only a hash of the code is stored");

	const page = await send(client, ip, path);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Skriv in koden<\/h1>/);

	const signedIn = await send(client, ip, path, { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` });
	assert.equal(signedIn.statusCode, 303);
	assert.equal(signedIn.headers.location, "/account");
	const cookie = sessionCookieOf(signedIn)!;
	assert.equal(cookie.httpOnly, true);
	assert.equal(cookie.sameSite, "Lax");
	assert.equal(cookie.path, "/");
	assert.equal(cookie.secure, undefined, "not Secure over plain http");
	assert.ok(cookie.expires && cookie.expires.getTime() > Date.now() + 29 * 24 * 3600 * 1000, "expires with the session");

	const account = await send(client, ip, "/account");
	assert.equal(account.statusCode, 200);
	assert.ok(account.body.includes(`Inloggad som ${email}`));
	const [user] = await db.select().from(s.users).where(eq(s.users.email, email));
	assert.ok(user!.lastSignInAt);
	assert.equal(user!.isAdministrator, false);
	assert.equal((await db.select().from(s.memberships).where(eq(s.memberships.userId, user!.id))).length, 0);
});

test("the session cookie is Secure behind https", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const email = newEmail();
	const { path, code } = await requestCode(client, ip, email);
	const res = await send(client, ip, path, { code }, { "x-forwarded-proto": "https" });
	assert.equal(res.statusCode, 303);
	assert.equal(sessionCookieOf(res)!.secure, true);
});

test("only local paths are followed after sign-in", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const email = newEmail();
	const { path, code } = await requestCode(client, ip, email, "?next=%2F%2Fevil.example%2F");
	assert.ok(!path.includes("evil"));
	const res = await send(client, ip, path, { code });
	assert.equal(res.headers.location, "/");
});

test("a known and an unknown address get the same answer", async () => {
	const known = await createUser(db, { email: newEmail() });
	const ip = newIp();
	const a = await send(new TestClient(app), ip, "/sign-in", { email: known.email });
	const b = await send(new TestClient(app), ip, "/sign-in", { email: newEmail() });
	assert.equal(a.statusCode, 303);
	assert.equal(b.statusCode, 303);
	assert.equal(String(a.headers.location).length, String(b.headers.location).length);
});

test("the code mail is in English when the page is", async () => {
	const client = new TestClient(app);
	client.cookies.set("lang", "en");
	const email = newEmail();
	await requestCode(client, newIp(), email);
	const mail = lastMailSentTo(email);
	assert.equal(mail!.subject, "Your sign-in code for Medskapa");
	assert.match(mail!.body, /Your code to sign in to Medskapa is:\n\n\d{6}\n/);
});

test("wrong input gets 422 with the message and what was typed", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const empty = await send(client, ip, "/sign-in", { email: "  " });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Fyll i fältet\./);
	const bad = await send(client, ip, "/sign-in", { email: "not-an-address" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Skriv en e-postadress/);
	assert.match(bad.body, /value="not-an-address"/);

	const { path } = await requestCode(client, ip, newEmail());
	const short = await send(client, ip, path, { code: "12a" });
	assert.equal(short.statusCode, 422);
	assert.match(short.body, /Koden är sex siffror/);
	assert.match(short.body, /value="12a"/);
});

test("five wrong codes make the code dead, even for the right code after", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const { path, code } = await requestCode(client, ip, newEmail());
	for (let left = 4; left >= 1; left--) {
		const res = await send(client, ip, path, { code: wrongCode(code) });
		assert.equal(res.statusCode, 422);
		assert.ok(res.body.includes(`Koden stämmer inte. Du har ${left} försök kvar.`));
	}
	const fifth = await send(client, ip, path, { code: wrongCode(code) });
	assert.equal(fifth.statusCode, 410);
	assert.match(fifth.body, /Koden är spärrad efter för många felaktiga försök\. Begär en ny kod\./);
	const right = await send(client, ip, path, { code });
	assert.equal(right.statusCode, 410);
	assert.equal(sessionCookieOf(right), undefined);
	assert.match((await send(client, ip, path)).body, /Koden är spärrad/);
});

test("an expired code is refused with a clear message", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const email = newEmail();
	const { path, code } = await requestCode(client, ip, email);
	await db.update(s.signInCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(s.signInCodes.email, email));
	const res = await send(client, ip, path, { code });
	assert.equal(res.statusCode, 410);
	assert.match(res.body, /Koden har gått ut/);
	assert.equal(sessionCookieOf(res), undefined);
});

test("a used code cannot be used again", async () => {
	const ip = newIp();
	const first = new TestClient(app);
	const { path, code } = await requestCode(first, ip, newEmail());
	assert.equal((await send(first, ip, path, { code })).statusCode, 303);
	const second = new TestClient(app);
	const again = await send(second, ip, path, { code });
	assert.equal(again.statusCode, 410);
	assert.match(again.body, /Koden har redan använts/);
});

test("an unknown code page is not found", async () => {
	const client = new TestClient(app);
	assert.equal((await send(client, newIp(), "/sign-in/code/not-an-id")).statusCode, 404);
	assert.equal((await send(client, newIp(), "/sign-in/code/00000000-0000-4000-8000-000000000000", { code: "123456" })).statusCode, 404);
});

test("codes per address are limited, and the page keeps the address", async () => {
	const email = newEmail();
	for (let i = 0; i < 5; i++) await requestCode(new TestClient(app), newIp(), email);
	const res = await send(new TestClient(app), newIp(), "/sign-in", { email });
	assert.equal(res.statusCode, 429);
	assert.match(res.body, /Du har begärt för många koder\. Du kan begära en ny från \d+ \w+ \d{4} kl\. \d\d:\d\d\./);
	assert.ok(res.body.includes(`value="${email}"`));
});

test("codes per connection are limited", async () => {
	const ip = newIp();
	const client = new TestClient(app);
	for (let i = 0; i < 30; i++) assert.equal((await send(client, ip, "/sign-in", { email: newEmail() })).statusCode, 303);
	const res = await send(client, ip, "/sign-in", { email: "last@example.se" });
	assert.equal(res.statusCode, 429);
	assert.match(res.body, /value="last@example.se"/);
	assert.equal((await send(client, newIp(), "/sign-in", { email: "last@example.se" })).statusCode, 303);
});

test("code tries per connection are limited", async () => {
	const client = new TestClient(app);
	const ip = newIp();
	const { path } = await requestCode(client, ip, newEmail());
	for (let i = 0; i < 60; i++) await send(client, ip, path, { code: "x" });
	const res = await send(client, ip, path, { code: "123456" });
	assert.equal(res.statusCode, 429);
	assert.match(res.body, /För många inloggningsförsök från din anslutning\. Du kan försöka igen från \d+ \w+ \d{4} kl\. \d\d:\d\d\./);
	assert.match(res.body, /value="123456"/);
});

test("signing in replaces the session the browser had", async () => {
	const user = await createUser(db, { email: newEmail() });
	const client = new TestClient(app);
	await signInAs(client, db, user.id);
	const oldToken = client.cookies.get("medskapa_session")!;
	const ip = newIp();
	const { path, code } = await requestCode(client, ip, user.email);
	await send(client, ip, path, { code });
	const newToken = client.cookies.get("medskapa_session")!;
	assert.notEqual(newToken, oldToken);
	assert.equal((await send(client, ip, "/account")).statusCode, 200);

	const stale = new TestClient(app);
	stale.cookies.set("medskapa_session", oldToken);
	const res = await send(stale, ip, "/account");
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/sign-in?next=%2Faccount");
});

test("signing out ends the session", async () => {
	const user = await createUser(db);
	const client = new TestClient(app);
	await signInAs(client, db, user.id);
	const token = client.cookies.get("medskapa_session")!;
	const res = await client.post("/sign-out", {});
	assert.equal(res.statusCode, 303);
	assert.equal(client.cookies.has("medskapa_session"), false);
	const stale = new TestClient(app);
	stale.cookies.set("medskapa_session", token);
	assert.equal((await stale.get("/account")).statusCode, 303);
	assert.equal((await db.select().from(s.sessions).where(eq(s.sessions.userId, user.id))).length, 0);
});

test("a form posted without its CSRF token is refused", async () => {
	const client = new TestClient(app);
	await client.get("/sign-in");
	assert.ok(client.cookies.has("medskapa_csrf"));
	const res = await client.post("/sign-in", { email: newEmail() }, { csrf: false });
	assert.equal(res.statusCode, 403);
	assert.match(res.body, /Formuläret kunde inte skickas/);
	const forged = await send(client, newIp(), "/sign-in", { email: newEmail(), _csrf: "forged" });
	assert.equal(forged.statusCode, 403);
});
