import assert from "node:assert/strict";
import { test } from "node:test";
import { signedInUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { contrastRatio } from "./branding.colour.js";

const logo = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#fff"/></svg>');

test("an administrator gives the site its name and colours; a colour below WCAG AA is refused with its ratio and a shade that passes", async () => {
	const { app, db } = await testApp();
	const { client } = await signedInUser(app, db, { isAdministrator: true });
	const coordinatorless = await signedInUser(app, db);
	assert.equal((await coordinatorless.client.get("/admin/utseende")).statusCode, 403, "only administrators");

	const refused = await client.post("/admin/utseende", { name: "Norsjöbygden 2040", brandColour: "#ffcc00", linkColour: "" });
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Vit text på #ffcc00 har kontrasten 1,5:1, men WCAG AA kräver minst 4,5:1/);
	const shade = /t\.ex\. (#[0-9a-f]{6}) \(samma nyans/.exec(refused.body)?.[1];
	assert.ok(shade && contrastRatio(shade, "#ffffff") >= 4.5, "the suggested shade passes");
	assert.match(refused.body, /value="#ffcc00"/, "what was typed is kept");
	assert.match(refused.body, /value="Norsjöbygden 2040"/);

	const links = await client.post("/admin/utseende", { name: "", brandColour: "", linkColour: "#3399ff" });
	assert.match(links.body, /Länkar i #3399ff har kontrasten 2,6:1 mot den ljusgrå bakgrunden/);

	const saved = await client.post("/admin/utseende", { name: "Norsjöbygden 2040", brandColour: "#1f4e79", linkColour: "#0a4f8a" });
	assert.equal(saved.statusCode, 303);
	const page = await new TestClient(app).get("/");
	assert.match(page.body, /<title>[^<]*– Norsjöbygden 2040<\/title>/);
	const theme = /href="(\/branding\/theme\.css\?v=\w+)"/.exec(page.body)?.[1];
	assert.ok(theme, "the page links the theme");
	const css = await new TestClient(app).get(theme);
	assert.equal(css.headers["content-type"], "text/css; charset=utf-8");
	assert.match(css.body, /--brand: #1f4e79;/);
});

test("the logo is served as an image with its text alternative in the header; an SVG with a script is refused; /favicon.ico never 404s", async () => {
	const { app, db } = await testApp();
	const { client } = await signedInUser(app, db, { isAdministrator: true });

	const icon = await new TestClient(app).get("/favicon.ico");
	assert.equal(icon.statusCode, 200);
	assert.equal(icon.headers["content-type"], "image/png");

	const noAlt = await client.postFile("/admin/utseende/logotyp", { logoAlt: "" }, { name: "logo.svg", type: "image/svg+xml", data: logo });
	assert.equal(noAlt.statusCode, 422);
	assert.match(noAlt.body, /Skriv logotypens alternativa text/);

	const hostile = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
	const refused = await client.postFile("/admin/utseende/logotyp", { logoAlt: "Norsjö kommun" }, { name: "logo.svg", type: "image/svg+xml", data: hostile });
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /SVG-filen innehåller skript/);
	assert.match(refused.body, /value="Norsjö kommun"/, "the alternative text typed is kept");
	const notAnImage = await client.postFile("/admin/utseende/logotyp", { logoAlt: "Norsjö kommun" }, { name: "logo.png", type: "image/png", data: Buffer.from("GIF89a") });
	assert.match(notAnImage.body, /varken SVG eller PNG/);

	const saved = await client.postFile("/admin/utseende/logotyp", { logoAlt: "Norsjö kommun" }, { name: "logo.svg", type: "image/svg+xml", data: logo });
	assert.equal(saved.statusCode, 303);
	const page = await new TestClient(app).get("/");
	const src = /<a class="brand" href="\/"><img src="(\/branding\/logo\?v=\w+)" alt="Norsjö kommun"\/>/.exec(page.body)?.[1];
	assert.ok(src, "the header shows the logo with its text alternative");
	const served = await new TestClient(app).get(src);
	assert.equal(served.headers["content-type"], "image/svg+xml");
	assert.match(String(served.headers["content-security-policy"]), /default-src 'none'.*sandbox/);
	assert.equal(served.headers["x-content-type-options"], "nosniff");
	assert.deepEqual(served.rawPayload, logo);

	await client.post("/admin/utseende/logotyp/ta-bort", {});
	assert.doesNotMatch((await new TestClient(app).get("/")).body, /branding\/logo/, "removed, the header shows the name alone");
});
