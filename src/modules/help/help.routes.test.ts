import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { TestClient, testApp } from "../../../test/helpers.js";
import { seedDemo } from "../../demo/seed.js";
import { translator } from "../../i18n/i18n.js";
import * as s from "../../schema.js";
import { sessionCookie, startSession } from "../accounts/index.js";
import { adminSections } from "../admin/index.js";

const { app, db } = await testApp();
await seedDemo(db);

const stepsInOrder = ["start", "input", "synthesis", "vote", "decision", "adoption", "focusAreas", "goals", "followup", "handover"];

for (const lang of ["sv", "en"] as const) {
	test(`the coordinator's guide in ${lang} walks the programme's steps in the seed's order and names every administration page`, async () => {
		const t = translator(lang);
		const visitor = new TestClient(app);
		visitor.cookies.set("lang", lang);
		const res = await visitor.get("/hjalp");
		assert.equal(res.statusCode, 200);
		assert.match(res.body, new RegExp(`<h1>${t("help.title")}</h1>`));
		const headings = [...res.body.matchAll(/<h2 id="step-(\w+)">/g)].map((m) => m[1]);
		assert.deepEqual(headings, stepsInOrder);
		for (const section of adminSections) {
			// Pages only administrators may open are named, not linked: a coordinator following the guide meets no refusal.
			const named = section.administratorOnly ? `<li id="${section.page}">${t(section.key)} ${t("help.administratorsOnly")}` : `<li id="${section.page}"><a href="${section.href}">`;
			assert.ok(res.body.includes(named), `the guide names ${section.href}`);
		}
	});
}

test("every administration page says what it is for and links to its place in the guide", async () => {
	const [admin] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, "admin@medskapa.example"));
	const client = new TestClient(app);
	client.cookies.set(sessionCookie, (await startSession(db, admin!.id)).token);
	const t = translator("sv");
	for (const section of [...adminSections, { href: "/admin", page: "admin" }]) {
		const res = await client.get(section.href);
		assert.equal(res.statusCode, 200, section.href);
		const help = t(`help.page.${section.page}`).replaceAll("&", "&amp;");
		assert.ok(res.body.includes(`<div class="notice notice-info page-help"><p>${help} <a href="/hjalp#${section.page}">`), `${section.href} has its help`);
	}
});
