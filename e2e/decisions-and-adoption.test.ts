import assert from "node:assert/strict";
import { test } from "node:test";
import * as s from "../src/schema.js";
import { axeViolations, launchBrowser, openPage, signIn, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("an official records a meeting item with a motion and sees the vision text change", async () => {
	const { context, page } = await openPage(browser);
	await signIn(page, app, "samordnare@norsjo.example");
	await page.goto(`${app.url}/admin/beslut`);
	assert.deepEqual(await axeViolations(page), [], "the decisions administration passes axe");
	await page.getByRole("link", { name: "Kommunfullmäktige 4 februari 2019" }).click();
	assert.deepEqual(await axeViolations(page), [], "the meeting administration passes axe");

	await page.getByLabel(/^Paragraf/).fill("6");
	await page.getByLabel(/^Rubrik/).fill("Ändrad undertext i visionen");
	await page.getByLabel(/^Beslutsdatum/).fill("2019-02-05");
	await page.getByLabel(/^Beslut \(/).fill("Undertexten ändras.");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { level: 1, name: "§ 6 Ändrad undertext i visionen" }).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the item administration passes axe");

	await page.getByLabel(/^Ledamot/).fill("Anna Andersson");
	await page.getByLabel(/^Parti/).fill("C");
	await page.getByLabel(/^Yrkandet gäller/).selectOption("amend");
	await page.getByLabel(/^Yrkandets text/).fill("Undertexten får en ny lydelse.");
	await page.getByLabel(/^Förslag som ändras/).selectOption({ label: "Visionsförslag 5: Världens bästa vardag" });
	await page
		.getByLabel(/^Ny lydelse/)
		.fill("Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet, mod och ny teknik välkomnar vi alla.");
	await page.getByLabel(/^Utfall/).selectOption("bifall");
	await page.getByRole("button", { name: "Spara" }).first().click();
	await page.getByRole("status").getByText("Yrkandet är registrerat.").waitFor();

	await page.goto(`${app.url}/vision`);
	assert.match((await page.locator(".vision .lead").textContent()) ?? "", /välkomnar vi alla\.$/);
	assert.match((await page.locator(".amendment").textContent()) ?? "", /Anna Andersson \(C\)/);
	assert.ok((await page.locator(".amendment ins").count()) > 0, "the insertions are marked");
	assert.deepEqual(await axeViolations(page), [], "the vision page with the amendment passes axe");
	await context.close();
});

test("an association records its adoption of the vision", async () => {
	const [association] = await app.db.insert(s.organisations).values({ name: "Bygdegårdsföreningen (demo)", type: "association" }).returning();
	const [user] = await app.db.insert(s.users).values({ email: "ordforande@bygdegarden.example", name: "Ordförande (demo)" }).returning();
	await app.db.insert(s.memberships).values({ userId: user!.id, organisationId: association!.id, role: "admin" });

	const { context, page } = await openPage(browser);
	await signIn(page, app, "ordforande@bygdegarden.example");
	await page.goto(`${app.url}/admin/antaganden`);
	assert.deepEqual(await axeViolations(page), [], "the adoption administration passes axe");
	await page.getByLabel(/^Organisation/).selectOption({ label: "Bygdegårdsföreningen (demo)" });
	await page.getByLabel(/^Beslutsdatum/).fill("2019-10-01");
	await page.getByLabel(/^Beslutande organ/).fill("Årsmötet");
	await page.getByLabel(/^Referens/).fill("§ 9");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByText("Antagandet är registrerat och syns under visionen.").first().waitFor();

	await page.goto(`${app.url}/visionen/antaganden`);
	const row = page.getByRole("row", { name: /Bygdegårdsföreningen \(demo\)/ });
	assert.match((await row.textContent()) ?? "", /1 oktober 2019\s*Årsmötet\s*§ 9/);
	await context.close();
});
