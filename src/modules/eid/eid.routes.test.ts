import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyRequest } from "fastify";
import { buildApp } from "../../app.js";
import type { EidConfig } from "../../config.js";
import { testApp, testConfig } from "../../../test/helpers.js";
import { startOidcProvider } from "../../../test/oidc-provider.js";
import { freePort } from "../../../test/server-process.js";
import { verifiedIdentity } from "./index.js";

// A valid personal identity number (Luhn digit 9) and the same with a wrong check digit.
const pin = "199001011239";
const wrongCheckDigit = "199001011238";

const provider = await startOidcProvider({
	accounts: {
		nopin: {},
		short: { "https://id.oidc.se/claim/personalIdentityNumber": "9001011239" },
		luhn: { "https://id.oidc.se/claim/personalIdentityNumber": wrongCheckDigit },
		broker: { ssn: pin, nin: "200001019876" },
	},
});
// On the port the configuration names: the callback the provider is given is the configured address.
const { app, database, config } = await testApp({ eid: provider.eid, port: await freePort() });
await app.listen({ port: config.port, host: "127.0.0.1" });
const appUrl = `http://127.0.0.1:${config.port}`;

/** A second app on the same database whose e-ID reads another claim, as a broker using `ssn` or `nin` is set up. */
async function appReading(pinClaim: string): Promise<{ url: string; eid: EidConfig }> {
	const eid = { ...provider.eid, pinClaim };
	const port = await freePort();
	const other = await buildApp({ ...config, eid, port }, database);
	await other.listen({ port, host: "127.0.0.1" });
	test.after(() => other.close());
	return { url: `http://127.0.0.1:${port}`, eid };
}

/** A browser's cookies, per host and port, for fetch with redirects followed by hand. */
class Browser {
	private jar = new Map<string, Map<string, string>>();

	async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
		const u = new URL(url);
		const cookies = this.jar.get(u.host) ?? new Map<string, string>();
		const res = await fetch(u, {
			method: init.method ?? "GET",
			redirect: "manual",
			headers: {
				cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
				...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
			},
			body: init.form ? new URLSearchParams(init.form).toString() : undefined,
		});
		for (const line of res.headers.getSetCookie()) {
			const [pair = "", ...attrs] = line.split(";");
			const name = pair.slice(0, pair.indexOf("="));
			const value = pair.slice(pair.indexOf("=") + 1);
			const gone = value === "" || attrs.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
			if (gone) cookies.delete(name);
			else cookies.set(name, value);
		}
		this.jar.set(u.host, cookies);
		return res;
	}

	cookie(url: string, name: string): string | undefined {
		return this.jar.get(new URL(url).host)?.get(name);
	}

	/** Follows redirects from a URL until a page answers or the next hop would go to the app's callback. */
	async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ res: Response; url: string }> {
		let res = await this.request(url, init);
		for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
			const next = new URL(res.headers.get("location") ?? "", url).href;
			if (next.includes("/eid/callback")) return { res, url: next };
			url = next;
			res = await this.request(url);
		}
		return { res, url };
	}
}

/** Signs in at the provider with a login name and returns the callback URL the provider sends the browser to. */
async function toCallback(browser: Browser, base: string, login: string, returnTo = "/omrostning/demo"): Promise<string> {
	const { res, url } = await browser.follow(`${base}/eid/start?returnTo=${encodeURIComponent(returnTo)}`);
	assert.equal(res.status, 200, "the provider shows its login form");
	const action = /<form[^>]*action="([^"]+)"/.exec(await res.text())?.[1];
	assert.ok(action, "the login form has an action");
	const done = await browser.follow(new URL(action, url).href, { method: "POST", form: { prompt: "login", login, password: "x" } });
	assert.match(done.url, /\/eid\/callback\?/, "the provider sends the browser back to the callback");
	return done.url;
}

const identityOf = (browser: Browser, base: string, cfg = config) =>
	verifiedIdentity({ cookies: { medskapa_eid: browser.cookie(base, "medskapa_eid") } } as unknown as FastifyRequest, cfg);

test("a resident verified by e-ID comes back to the page they started from, identified by their personal identity number", async () => {
	const browser = new Browser();
	const callback = await toCallback(browser, appUrl, pin);
	const res = await browser.request(callback);
	assert.equal(res.status, 303);
	assert.equal(res.headers.get("location"), "/omrostning/demo");
	assert.deepEqual(identityOf(browser, appUrl), { pin, birthDate: "1990-01-01" });
	assert.ok(!browser.cookie(appUrl, "medskapa_eid")?.includes(pin), "the cookie holds the number sealed, not in plain text");
	assert.equal(browser.cookie(appUrl, "medskapa_eid_flow"), undefined, "the sign-in attempt is used up");

	const page = await browser.request(`${appUrl}/`);
	assert.match(await page.text(), /Du är identifierad med e-legitimation/);

	const again = await browser.request(callback);
	assert.equal(again.status, 400, "the same answer cannot be used twice");
});

test("a return address on another site is replaced by the start page", async () => {
	const browser = new Browser();
	const res = await browser.request(await toCallback(browser, appUrl, pin, "//evil.example/phish"));
	assert.equal(res.headers.get("location"), "/");
});

test("an answer with another state than the one sent is refused with a clear message", async () => {
	const browser = new Browser();
	const callback = new URL(await toCallback(browser, appUrl, pin));
	callback.searchParams.set("state", "forged-state");
	const res = await browser.request(callback.href);
	assert.equal(res.status, 400);
	assert.match(await res.text(), /kunde inte kontrolleras, så det godtogs inte/);
	assert.equal(identityOf(browser, appUrl), null);
});

test("an answer arriving in a browser that did not start the sign-in is refused", async () => {
	const callback = await toCallback(new Browser(), appUrl, pin);
	const res = await new Browser().request(callback);
	assert.equal(res.status, 400);
	assert.match(await res.text(), /startades i en annan webbläsare/);
});

test("a resident who cancels at the provider is told nothing was stored", async () => {
	const browser = new Browser();
	await browser.request(`${appUrl}/eid/start?returnTo=/omrostning/demo`);
	const res = await browser.request(`${appUrl}/eid/callback?error=access_denied&state=whatever`);
	assert.equal(res.status, 200);
	const html = await res.text();
	assert.match(html, /Du avbröt identifieringen/);
	assert.match(html, /href="\/omrostning\/demo"/);
});

test("a provider that sends no personal identity number gets a clear message and no identity", async () => {
	const browser = new Browser();
	const res = await browser.request(await toCallback(browser, appUrl, "nopin"));
	assert.equal(res.status, 400);
	assert.match(await res.text(), /skickade inget personnummer/);
	assert.equal(identityOf(browser, appUrl), null);
});

test("a personal identity number with ten digits or a wrong check digit is refused", async () => {
	for (const login of ["short", "luhn"]) {
		const browser = new Browser();
		const res = await browser.request(await toCallback(browser, appUrl, login));
		assert.equal(res.status, 400, login);
		assert.match(await res.text(), /inte är giltigt \(tolv siffror med rätt kontrollsiffra\)/, login);
		assert.equal(identityOf(browser, appUrl), null, login);
	}
});

test("a broker's own claim name (ssn or nin) is read when configured", async () => {
	for (const [claim, expected] of [
		["ssn", { pin, birthDate: "1990-01-01" }],
		["nin", { pin: "200001019876", birthDate: "2000-01-01" }],
	] as const) {
		const other = await appReading(claim);
		const browser = new Browser();
		const res = await browser.request(await toCallback(browser, other.url, "broker"));
		assert.equal(res.status, 303, claim);
		assert.deepEqual(identityOf(browser, other.url, { ...config, eid: other.eid }), expected, claim);
	}
});

test("without e-ID settings the start page says e-ID is not switched on", async () => {
	const plain = await buildApp(testConfig(), database);
	test.after(() => plain.close());
	const res = await plain.inject({ method: "GET", url: "/eid/start?returnTo=/" });
	assert.equal(res.statusCode, 404);
	assert.match(res.body, /inte påslagen här/);
});
