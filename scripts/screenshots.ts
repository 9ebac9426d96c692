// Takes the README's screenshots of the Norsjöbygden demo at phone (390 px) and desktop (1280 px) widths:
// `npm run screenshots` writes docs/screenshots/<page>-<width>.png. Runs as a node:test file so that it
// shares the browser tests' harness (the demo on a random port, Debian's Chromium).
import { join } from "node:path";
import { test } from "node:test";
import { launchBrowser, openPage, startApp } from "../e2e/harness.js";

const pages = {
	start: "/",
	"focus-area": "/fokusomraden/{focusArea}",
	goal: "/mal/{goal}",
	ballot: "/omrostning/{vote}",
	results: "/omrostning/{vote}/resultat",
};
const widths = [390, 1280];
const outDir = join(import.meta.dirname, "..", "docs", "screenshots");

const app = await startApp();
const browser = await launchBrowser();

for (const [name, template] of Object.entries(pages)) {
	for (const width of widths) {
		test(`screenshot of ${name} at ${width} px`, async () => {
			const { context, page } = await openPage(browser, width);
			await page.goto(app.url + (await app.path(template)));
			await page.screenshot({ path: join(outDir, `${name}-${width}.png`), fullPage: true });
			await context.close();
		});
	}
}
