import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { followupRounds } from "../src/modules/followup/followup.schema.js";
import { launchBrowser, noAxeViolations, openPage, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("the timber company reports on its goal in the open round, with an error first; the coordinator publishes after a confirmation", async () => {
	const [round] = await app.db.select().from(followupRounds).where(eq(followupRounds.title, "Slutuppföljning 2019–2022"));
	const club = await signedInPage(browser, app, "tra@norsjo.example");
	const { page } = club;
	await page.goto(`${app.url}/uppfoljning/${round!.id}/rapportera`);
	await noAxeViolations(page, "the goals to report on");
	await page.getByRole("link", { name: "Rapportera: Tio nya lärlingsplatser till 2022" }).click();
	await noAxeViolations(page, "the report form");
	await page.getByLabel(/^Status/).selectOption({ label: "Uppnått" });
	await page.getByLabel(/^Redovisning/).fill("Tio lärlingar har anställts sedan 2019.");
	await page.getByLabel(/^Er bedömning/).selectOption({ label: "Enligt plan" });
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await page.getByRole("link", { name: /Skriv varför er bedömning skiljer sig/ }).waitFor();
	await noAxeViolations(page, "the report form with errors");
	assert.equal(await page.getByLabel(/^Redovisning/).inputValue(), "Tio lärlingar har anställts sedan 2019.", "what was typed is kept");
	await page.getByLabel(/^Skäl till er bedömning/).fill("Målet är nått ett år före slutet.");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("cell", { name: /^Rapporterat / }).first().waitFor();

	// With the report saved, a file is given as evidence: a type not taken is refused at the field first.
	await page.getByRole("link", { name: "Ändra rapporten: Tio nya lärlingsplatser till 2022" }).click();
	await page.getByRole("heading", { level: 2, name: "Filer som underlag" }).waitFor();
	await page.getByLabel("Fil (obligatoriskt)", { exact: true }).setInputFiles({ name: "logga.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a\x01\x00\x01\x00") });
	await page.getByRole("button", { name: "Ladda upp" }).click();
	await page.getByRole("link", { name: /Den här filtypen tas inte emot/ }).waitFor();
	await noAxeViolations(page, "the file form with its error");
	await page.getByLabel("Fil (obligatoriskt)", { exact: true }).setInputFiles({ name: "Lärlingar 2019-2022.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
	await page.getByRole("button", { name: "Ladda upp" }).click();
	await page.getByText("Filen är uppladdad som underlag.").first().waitFor();
	await page.getByRole("link", { name: "Lärlingar 2019-2022.pdf (1 kB)" }).waitFor();
	await page.getByRole("button", { name: "Ta bort Lärlingar 2019-2022.pdf" }).waitFor();
	await noAxeViolations(page, "the report form with a file");
	await club.context.close();

	const coordinator = await signedInPage(browser, app, "samordnare@norsjo.example");
	await coordinator.page.goto(`${app.url}/admin/uppfoljning/${round!.id}`);
	await noAxeViolations(coordinator.page, "the round for the coordinator");
	await coordinator.page.getByRole("row", { name: /Norsjö Trä AB \(demo\) 1 av 2/ }).waitFor();
	await coordinator.page.getByRole("link", { name: "Publicera rapporten" }).click();
	await coordinator.page.getByText("Publicera rapporten? Den fryses som den är nu och kan inte ändras.").waitFor();
	await coordinator.page.getByRole("button", { name: "Publicera rapporten" }).click();
	await coordinator.page.getByText("Rapporten är publicerad.").first().waitFor();
	await coordinator.context.close();
});

for (const width of [390, 1280]) {
	test(`a resident reads the published 2021 report at ${width} px: charts with tables, one organisation's part, and the PDF`, async () => {
		const { context, page } = await openPage(browser, width);
		await page.goto(`${app.url}/uppfoljning`);
		await noAxeViolations(page, "the published rounds");
		await page.getByRole("link", { name: "Uppföljning 2021" }).click();
		await page.getByRole("heading", { level: 1, name: "Uppföljning 2021" }).waitFor();
		await noAxeViolations(page, "the report");
		const chart = page.getByRole("img", { name: "Värden för Fossilfria fordon i kommunens fordonsflotta (demo)" });
		await chart.scrollIntoViewIfNeeded();
		// The chart is an image of its own: it loads, and in the drawing made for the screen's width.
		const drawn = await chart.evaluate(async (img: HTMLImageElement) => (await img.decode(), { width: img.naturalWidth, src: img.currentSrc }));
		assert.ok(drawn.width > 0, "the chart is drawn");
		assert.match(drawn.src, width < 768 ? /size=narrow/ : /size=wide/);
		await page.getByRole("table", { name: "Värden för Fossilfria fordon i kommunens fordonsflotta (demo)" }).waitFor();
		const download = page.waitForEvent("download");
		await page.getByRole("link", { name: "Deltagare skidskolan 2020-21.csv (1 kB)" }).click();
		assert.equal((await download).suggestedFilename(), "Deltagare skidskolan 2020-21.csv", "the evidence file downloads");
		await page.getByLabel("Visa en aktör").selectOption({ label: "Norsjö Skidklubb (demo)" });
		await page.getByRole("button", { name: "Visa", exact: true }).click();
		await page.getByRole("heading", { level: 4, name: "Skidskola för alla barn i åk 1–3" }).waitFor();
		assert.equal(await page.getByRole("heading", { level: 3, name: "Norsjö kommun" }).count(), 0, "only the chosen organisation");
		const pdf = await page.request.get(`${app.url}${await page.getByRole("link", { name: "PDF" }).getAttribute("href")}`);
		assert.equal(pdf.headers()["content-type"], "application/pdf");
		await context.close();
	});
}
