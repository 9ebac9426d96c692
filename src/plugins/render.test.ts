import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { h } from "preact";
import * as s from "../schema.js";
import { createProgramme, createUser, signInAs } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import { readCacheSize } from "../lib/read-cache.js";

// Read caching on, as in production: public pages are then rendered once per cache period.
const { app, db } = await testApp({ readCacheMs: 60_000 });
// A public route whose page holds a form, as a future page might.
app.get("/__test/public-form", { config: { publicPage: true } }, async (_req, reply) =>
	reply.page("Formulär", (ctx) => h("form", { method: "post", action: "/" }, h("input", { type: "hidden", name: "_csrf", value: ctx.csrfToken }))),
);

test("anonymous visitors share a public page's HTML; signed-in people and other languages get their own", async () => {
	const { programme } = await createProgramme(db, { name: "Framtid Cache" });
	const anonymous = await new TestClient(app).get("/");
	assert.match(anonymous.body, /<h1>Framtid Cache<\/h1>/);

	const user = await createUser(db, { email: "signe@example.se" });
	const signedIn = new TestClient(app);
	await signInAs(signedIn, db, user.id);
	const own = await signedIn.get("/");
	assert.ok(own.body.includes("signe@example.se"), "the signed-in page names its viewer");

	const english = new TestClient(app);
	await english.get("/language/en?next=/");
	assert.match((await english.get("/")).body, /<html lang="en">/);
	assert.match((await new TestClient(app).get("/")).body, /<html lang="sv">/);

	// A change made outside any request shows once the cache period is over; one through the app shows at once.
	await db.update(s.programmes).set({ name: "Nytt namn" }).where(eq(s.programmes.id, programme.id));
	assert.match((await new TestClient(app).get("/")).body, /<h1>Framtid Cache<\/h1>/);
	await signedIn.post("/sign-out", {});
	assert.match((await new TestClient(app).get("/")).body, /<h1>Nytt namn<\/h1>/);
});

test("a public page that shows a form is never shared: each visitor gets a CSRF token of their own", async () => {
	const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
	const first = token((await new TestClient(app).get("/__test/public-form")).body);
	const second = token((await new TestClient(app).get("/__test/public-form")).body);
	assert.ok(first && second);
	assert.notEqual(first, second);
});

test("foreign query strings do not grow the cache: /?x=1…N is one entry, the page's own", async () => {
	await createProgramme(db, { name: "Framtid Fråga" });
	await new TestClient(app).get("/");
	const size = readCacheSize(db);
	for (let x = 1; x <= 300; x++) assert.equal((await new TestClient(app).get(`/?x=${x}`)).statusCode, 200);
	assert.equal(readCacheSize(db), size);
});
