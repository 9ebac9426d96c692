// Walks every page of the Norsjöbygden demo a visitor and a coordinator can reach by following links, in Swedish and
// in English, and fails on what a reader should never meet: a message key instead of words, an id given to two
// elements (a field then has no accessible name), or a link to a page that fails.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { seedDemo } from "../src/demo/seed.js";
import { messages } from "../src/i18n/messages.js";
import { sessionCookie, startSession } from "../src/modules/accounts/index.js";
import { TestClient, testApp } from "./helpers.js";
import { renderedMessageKeys, duplicateIds, pageText } from "./page-checks.js";

const { app, db } = await testApp();
await seedDemo(db);

/** Links the walk does not follow: files, the JSON API, and links that change the session rather than show a page. */
const notAPage = /^\/(static|language|sign-out|api\/v1)\b|\.(csv|xlsx|json|pdf|ics)(\?|$)/;

/** Every page reachable by links from the start pages, with the problems found on each. */
async function walk(client: TestClient, starts: string[]): Promise<{ pages: number; problems: string[] }> {
	const seen = new Set<string>();
	const queue = [...starts];
	const problems: string[] = [];
	for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
		if (seen.has(url)) continue;
		seen.add(url);
		const res = await client.get(url);
		if (res.statusCode >= 400) problems.push(`${url}: status ${res.statusCode}`);
		if (!String(res.headers["content-type"]).startsWith("text/html")) continue;
		for (const key of renderedMessageKeys(pageText(res.body))) problems.push(`${url}: message key ${key}`);
		for (const id of duplicateIds(res.body)) problems.push(`${url}: id "${id}" is used more than once`);
		for (const [, href] of res.body.matchAll(/href="(\/[^"#]*)/g)) {
			const next = href!.replaceAll("&amp;", "&");
			if (!notAPage.test(next) && !seen.has(next)) queue.push(next);
		}
	}
	return { pages: seen.size, problems };
}

async function coordinator(): Promise<TestClient> {
	const [user] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
	const client = new TestClient(app);
	client.cookies.set(sessionCookie, (await startSession(db, user!.id)).token);
	return client;
}

for (const lang of ["sv", "en"] as const) {
	test(`a visitor's walk through the demo in ${lang} meets no message key, duplicate id or failing link`, async () => {
		const visitor = new TestClient(app);
		visitor.cookies.set("lang", lang);
		const { pages, problems } = await walk(visitor, ["/", "/sign-in"]);
		assert.ok(pages > 50, `the walk reached ${pages} pages`);
		assert.deepEqual(problems, []);
	});

	test(`a coordinator's walk through the demo and its administration in ${lang} meets no message key, duplicate id or failing link`, async () => {
		const client = await coordinator();
		client.cookies.set("lang", lang);
		const { pages, problems } = await walk(client, ["/", "/admin"]);
		assert.ok(pages > 150, `the walk reached ${pages} pages`);
		assert.deepEqual(problems, []);
	});
}

test("the checks find a message key and a duplicate id", () => {
	const key = Object.keys(messages.sv).find((k) => k.startsWith("decisions."))!;
	assert.deepEqual(renderedMessageKeys(`Beslut: ${key}.goal och norsjo.se`), [`${key}.goal`]);
	assert.deepEqual(duplicateIds('<input id="field-csv"><p id="x"></p><textarea id="field-csv">'), ["field-csv"]);
});
