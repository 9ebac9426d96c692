// An error summary links each refusal to its field; a refusal about a field the page does not show (its form is gone,
// e.g. the suggestion was handled by someone else meanwhile) is told as plain text, not as a link that leads nowhere
// or to another form's field of the same name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { seedDemo } from "../demo/seed.js";
import { suggestionRuns, suggestions } from "../modules/synthesis/suggest.schema.js";
import * as s from "../schema.js";
import { clientAs } from "../../test/factories.js";
import { testApp } from "../../test/helpers.js";

// The demo, whose suggestions page lists suggestions, each with a rename form of its own.
const { app, db } = await testApp();
await seedDemo(db);
const [coordinator] = await db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
const client = await clientAs(app, db, coordinator!.id);
// A finished suggestion run with one open suggestion, whose rename form has a field named "name".
const [run] = await db.insert(suggestionRuns).values({ kind: "themes", status: "done", progress: 1 }).returning();
await db.insert(suggestions).values({ runId: run!.id, position: 1, name: "Skolvägar", words: ["skola"], quoteIds: [], size: 3 });

/** The error summary (role="alert") of a page, its links' targets and its text. */
function alertOf(html: string): { targets: string[]; text: string } {
	const alert = /<div class="error-summary" role="alert"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
	return { targets: [...alert.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!), text: alert.replace(/<[^>]+>/g, " ") };
}

test("a refusal about a field whose form is not on the page is told in the summary without a link to nowhere", async () => {
	const gone = "00000000-0000-4000-8000-000000000000";
	for (const [path, fields, message] of [
		["byt-namn", { name: "" }, /Fyll i fältet/],
		["sla-ihop", { targetId: "" }, /./],
	] as const) {
		const res = await client.post(`/analys/forslag/${gone}/${path}`, fields);
		assert.equal(res.statusCode, 422, path);
		const { targets, text } = alertOf(res.body);
		assert.match(text, message, `${path}: the refusal is told`);
		for (const id of targets) {
			assert.ok(res.body.includes(`id="${id}"`), `${path}: the summary links to #${id}, which is not on the page`);
			assert.ok(res.body.includes(`id="error-${id.slice("field-".length)}"`), `${path}: the summary links to #${id}, which shows no refusal`);
		}
	}
});

test("a refusal about a field on the page still links to it", async () => {
	const res = await client.post("/admin/programme/phases", { name: "", startsOn: "2026-01-01", endsOn: "2026-03-31" });
	assert.equal(res.statusCode, 422);
	const { targets } = alertOf(res.body);
	assert.ok(targets.includes("field-name"), `links: ${targets.join(", ")}`);
	assert.match(res.body, /id="field-name"/);
});
