// The site's address and its cookies come from the configuration, never from what a request claims: links in mails
// are PUBLIC_URL's (or, unset in development, the configured host and port); under an https PUBLIC_URL every cookie is
// Secure and `__Host-` and HSTS is sent, whether or not a proxy is trusted; a CSRF token holds only for its session.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyInstance } from "fastify";
import { createOrganisation, createProgramme, createUser, lastMailSentTo, signedInUser } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import { startSession } from "../modules/accounts/index.js";

/** Posts a form as `client` would, but with the Host header a request names. */
async function postWithHost(app: FastifyInstance, client: TestClient, url: string, form: Record<string, string>, host: string) {
	const body = new URLSearchParams({ ...form, _csrf: await client.csrfToken() });
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	return app.inject({ method: "POST", url, payload: body.toString(), headers: { host, cookie, "content-type": "application/x-www-form-urlencoded" } });
}

/** Sends an invitation through the organisation's workspace with a forged Host header and gives the mailed link. */
async function invitationLink(app: FastifyInstance, db: Parameters<typeof createOrganisation>[0], sessionCookie = "medskapa_session") {
	await createProgramme(db);
	const org = await createOrganisation(db);
	const admin = await createUser(db, { memberOf: { organisationId: org.id, role: "admin" } });
	const client = new TestClient(app);
	client.cookies.set(sessionCookie, (await startSession(db, admin.id)).token);
	const email = `invited-${crypto.randomUUID().slice(0, 8)}@example.se`;
	const res = await postWithHost(app, client, `/aktorer/${org.id}/inbjudningar`, { email, role: "member" }, "evil.example");
	assert.equal(res.statusCode, 303);
	return /https?:\/\/[^\s/]+\/inbjudan\/[\w-]+/.exec(lastMailSentTo(email)?.body ?? "")?.[0] ?? "(no link)";
}

test("without PUBLIC_URL, a mailed link names the configured host and port, not the request's Host", async () => {
	const { app, db } = await testApp({ host: "127.0.0.1", port: 3123, publicUrl: undefined });
	assert.match(await invitationLink(app, db), /^http:\/\/127\.0\.0\.1:3123\/inbjudan\//);
});

test("under an https PUBLIC_URL and no trusted proxy: links from PUBLIC_URL, cookies Secure and __Host-, and HSTS", async () => {
	const { app, db } = await testApp({ publicUrl: "https://medskapa.example.se", trustProxy: false });
	assert.match(await invitationLink(app, db, "__Host-medskapa_session"), /^https:\/\/medskapa\.example\.se\/inbjudan\//);

	const page = await app.inject({ method: "GET", url: "/sign-in" });
	assert.match(String(page.headers["strict-transport-security"]), /max-age=\d+/);
	const csrf = String(page.headers["set-cookie"]);
	assert.match(csrf, /^__Host-medskapa_csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
	const language = await app.inject({ method: "GET", url: "/language/en?next=/" });
	assert.match(String(language.headers["set-cookie"]), /^__Host-lang=en;.*Secure/);

	// A session cookie without the prefix may have been planted by another host: it is not read.
	const user = await createUser(db);
	const { token } = await startSession(db, user.id);
	assert.equal((await app.inject({ method: "GET", url: "/account", cookies: { medskapa_session: token } })).statusCode, 303);
	assert.equal((await app.inject({ method: "GET", url: "/account", cookies: { "__Host-medskapa_session": token } })).statusCode, 200);
});

test("a CSRF token holds only for the session it was made in", async () => {
	const { app, db } = await testApp();
	const a = await signedInUser(app, db);
	const b = await signedInUser(app, db);
	const tokenOfA = await a.client.csrfToken();
	// b's browser with a's CSRF cookie and a's token, but b's session.
	b.client.cookies.set("medskapa_csrf", a.client.cookies.get("medskapa_csrf")!);
	const form = new URLSearchParams({ name: "Ny Namn", _csrf: tokenOfA }).toString();
	const cookie = [...b.client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	const forged = await app.inject({ method: "POST", url: "/account", payload: form, headers: { cookie, "content-type": "application/x-www-form-urlencoded" } });
	assert.equal(forged.statusCode, 403);
	assert.equal((await a.client.post("/account", { name: "Ny Namn" })).statusCode, 303, "a's own post passes");
	// A token made before signing in no longer holds once signed in.
	const anonymous = new TestClient(app);
	const before = await anonymous.csrfToken();
	anonymous.cookies.set("medskapa_session", (await startSession(db, (await createUser(db)).id)).token);
	const after = await app.inject({
		method: "POST",
		url: "/account",
		payload: new URLSearchParams({ name: "X", _csrf: before }).toString(),
		headers: { cookie: [...anonymous.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": "application/x-www-form-urlencoded" },
	});
	assert.equal(after.statusCode, 403);
});
