// Charts are drawn by ECharts on the server: full labels, readable text at phone and desktop widths, the same
// figures in a table, and nothing the page's CSP would block.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import * as s from "../src/schema.js";
import { axeViolations, launchBrowser, openPage, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const options = await app.db.select().from(s.voteOptions);
const [survey] = await app.db.select().from(s.surveys);

/** The chart shown at this width under its accessible name: it names every label in full, at a readable size, within the screen. */
async function readableChart(page: Page, name: RegExp, labels: string[], width: number) {
	const chart = page.getByRole("img", { name }).and(page.locator("svg:visible")).first();
	assert.ok(await chart.isVisible(), `a chart named ${name} is shown at this width`);
	const text = (await chart.textContent()) ?? "";
	for (const label of labels) {
		for (const word of label.split(/\s+/)) assert.ok(text.includes(word), `the chart has "${word}" of ${label}`);
	}
	assert.doesNotMatch(text, /…/, "no label is cut short");
	const scale = await chart.evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
	assert.ok(scale * 14 >= 12, `the chart's 14 px text is drawn at ${(scale * 14).toFixed(1)} px`);
	assert.ok((await chart.boundingBox())!.width <= width, "the chart fits the screen");
	return { text, texts: await chart.locator("text").allTextContents() };
}

function watchCsp(page: Page): string[] {
	const csp: string[] = [];
	page.on("console", (m) => {
		if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
	});
	return csp;
}

for (const width of [390, 1280]) {
	test(`at ${width} px the vote results chart names every proposal in full at a readable size`, async () => {
		const { context, page } = await openPage(browser, width);
		const csp = watchCsp(page);
		await page.goto(app.url + (await app.path("/omrostning/{vote}/resultat")));
		const titles = options.filter((x) => x.voteId === options[0]!.voteId).map((o) => o.title);
		await readableChart(page, /Röster per förslag/, titles, width);
		assert.ok(await page.getByRole("table", { name: /förslag|proposal/i }).isVisible(), "the same figures are in a table");
		assert.deepEqual(csp, []);
		assert.deepEqual(await axeViolations(page), []);
		await context.close();
	});

	test(`at ${width} px the participation chart stacks surveys, workshops and ideas per month on a time axis, beside its table`, async () => {
		const { context, page } = await openPage(browser, width);
		const csp = watchCsp(page);
		await page.goto(`${app.url}/delaktighet`);
		const { texts } = await readableChart(page, /^Deltagande per månad$/, ["Enkätsvar", "Deltagare på framtidsverkstäder", "Personer som deltog med idéer"], width);
		const months = await page.getByRole("table", { name: "Deltagande per månad" }).getByRole("rowheader").allTextContents();
		assert.ok(months.length > 1, "the same months are in a table");
		const axis = texts.filter((x) => /\b20\d\d$/.test(x));
		assert.ok(axis.includes("sep. 2018"), `the axis names months in words: ${axis.join(", ")}`);
		const years = axis.map((x) => Number(x.slice(-4)));
		assert.deepEqual(years, [...years].sort(), "in time order");
		assert.deepEqual(csp, []);
		assert.deepEqual(await axeViolations(page), []);
		await context.close();
	});

	test(`at ${width} px a coordinator reads each survey question's answers as a chart with every option in full`, async () => {
		const { context, page } = await signedInPage(browser, app, "samordnare@norsjo.example");
		await page.setViewportSize({ width, height: 800 });
		const csp = watchCsp(page);
		await page.goto(`${app.url}/admin/enkater/${survey!.id}/resultat`);
		const table = page.getByRole("table").first();
		const question = (await table.locator("caption").textContent()) ?? "";
		const choices = await table.getByRole("rowheader").allTextContents();
		assert.ok(choices.length > 1, "the answers are in a table");
		const { text } = await readableChart(page, new RegExp(`^Diagram: ${question.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`), choices, width);
		assert.match(text, /\d+ \(\d+(,\d)? %\)/, "each bar ends with its count and share");
		assert.deepEqual(csp, []);
		assert.deepEqual(await axeViolations(page), []);
		await context.close();
	});
}
