import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, launchBrowser, notFoundPage, openPage, publicPages, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

for (const template of publicPages) {
	test(`a visitor reads ${template}`, async (t) => {
		const path = await app.path(template);
		const { context, page } = await openPage(browser);
		const cspViolations: string[] = [];
		page.on("console", (m) => {
			if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
		});
		const response = await page.goto(app.url + path);
		assert.ok(response);

		await t.test("answers with the right status, a CSP header and no inline script or style", async () => {
			assert.equal(response.status(), path === notFoundPage ? 404 : 200);
			assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self'/);
			const html = await response.text();
			assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, "no inline <script>");
			assert.doesNotMatch(html, /<style[\s>]/i, "no <style> element");
			assert.doesNotMatch(html, /\sstyle=/i, "no style= attribute");
			assert.deepEqual(cspViolations, []);
		});

		await t.test("passes axe for WCAG 2.1 A and AA", async () => {
			assert.deepEqual(await axeViolations(page), []);
		});

		await t.test("has exactly one h1 and a main landmark", async () => {
			assert.equal(await page.locator("h1").count(), 1);
			assert.equal(await page.getByRole("main").count(), 1);
		});

		await t.test("has a skip link that moves focus to main", async () => {
			await page.keyboard.press("Tab");
			const skip = page.getByRole("link", { name: "Hoppa till huvudinnehållet" });
			assert.ok(await skip.evaluate((el) => el === document.activeElement), "the skip link is the first thing Tab reaches");
			await page.keyboard.press("Enter");
			assert.equal(await page.evaluate(() => document.activeElement?.tagName), "MAIN");
		});

		await t.test("shows where the keyboard focus is", async () => {
			await page.goto(app.url + path);
			for (let i = 0; i < 3; i++) {
				await page.keyboard.press("Tab");
				const focus = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement;
					const style = getComputedStyle(el);
					return { what: `${el.tagName} ${el.textContent?.trim()}`, outline: style.outlineStyle, shadow: style.boxShadow };
				});
				assert.ok(focus.outline !== "none" || focus.shadow !== "none", `focus is visible on ${focus.what}`);
			}
		});
		await context.close();

		await t.test("works at 320 px without scrolling sideways", async () => {
			const narrow = await openPage(browser, 320);
			await narrow.page.goto(app.url + path);
			const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
			await narrow.context.close();
			assert.ok(width <= 320, `the page is ${width} px wide`);
		});
	});
}
