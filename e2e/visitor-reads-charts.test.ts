// Charts are drawn by ECharts on the server: full labels, readable text at phone and desktop widths, the same
// figures in a table, and nothing the page's CSP would block.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as s from "../src/db/schema.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const options = await app.db.select().from(s.voteOptions);

for (const width of [390, 1280]) {
	test(`at ${width} px the vote results chart names every proposal in full at a readable size`, async () => {
		const { context, page } = await openPage(browser, width);
		const csp: string[] = [];
		page.on("console", (m) => {
			if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
		});
		await page.goto(app.url + (await app.path("/omrostning/{vote}/resultat")));
		const chart = page.getByRole("img", { name: /Röster per förslag/ }).and(page.locator("svg:visible"));
		assert.equal(await chart.count(), 1, "one chart is shown at this width");
		const text = (await chart.textContent()) ?? "";
		for (const o of options.filter((x) => x.voteId === options[0]!.voteId)) {
			for (const word of o.title.split(/\s+/)) assert.ok(text.includes(word), `the chart has "${word}" of ${o.title}`);
		}
		assert.doesNotMatch(text, /…/, "no label is cut short");
		const scale = await chart.evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
		assert.ok(scale * 14 >= 12, `the chart's 14 px text is drawn at ${(scale * 14).toFixed(1)} px`);
		assert.ok((await chart.boundingBox())!.width <= width, "the chart fits the screen");
		assert.ok(await page.getByRole("table", { name: /förslag|proposal/i }).isVisible(), "the same figures are in a table");
		assert.deepEqual(csp, []);
		assert.deepEqual(await axeViolations(page), []);
		await context.close();
	});
}
