import assert from "node:assert/strict";
import { test } from "node:test";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app } = await testApp();

// Registered here, before the app is ready, so the test does not depend on which feature modules exist yet.
app.get(
	"/api/v1/test-widgets/:id",
	{
		schema: {
			tags: ["test-widgets"],
			summary: "One widget, for the documentation test",
			params: { type: "object", properties: { id: { type: "string", format: "uuid", description: "The widget's id" } }, required: ["id"] },
			querystring: { type: "object", properties: { lang: { type: "string", enum: ["sv", "en"] } } },
			response: {
				200: {
					description: "The widget",
					type: "object",
					required: ["name"],
					properties: {
						name: { type: "string", description: "What the widget is called" },
						parts: { type: "array", items: { type: "object", properties: { label: { type: ["string", "null"] } } } },
					},
				},
			},
		},
	},
	async () => ({ name: "w", parts: [] }),
);

test("the OpenAPI document is OpenAPI 3.1 and holds only the JSON API", async () => {
	const res = await new TestClient(app).get("/api/v1/openapi.json");
	assert.equal(res.statusCode, 200);
	assert.match(res.headers["content-type"] as string, /^application\/json/);
	const doc = res.json();
	assert.equal(doc.openapi, "3.1.0");
	assert.equal(doc.info.title, "Medskapa API");
	assert.equal(doc.info.version, "0.1.0");
	assert.deepEqual(doc.servers, [{ url: "/" }]);
	const paths = Object.keys(doc.paths);
	assert.ok(paths.includes("/api/v1/test-widgets/{id}"));
	assert.ok(
		paths.every((p) => p.startsWith("/api/v1/")),
		`only /api/v1 paths, got ${paths.join(", ")}`,
	);
	assert.ok(!paths.includes("/api/v1/openapi.json"));
	const op = doc.paths["/api/v1/test-widgets/{id}"].get;
	assert.equal(op.summary, "One widget, for the documentation test");
	assert.equal(op.responses["200"].content["application/json"].schema.properties.name.type, "string");
});

const featureEndpoints = [
	"/api/v1/programme",
	"/api/v1/vision",
	"/api/v1/proposals",
	"/api/v1/organisations",
	"/api/v1/focus-areas",
	"/api/v1/adoptions",
	"/api/v1/proposals/{id}/trace",
	"/api/v1/focus-areas/{id}/trace",
	"/api/v1/themes/{id}",
];

test("the feature modules' endpoints are in the document with a summary and a response schema", async () => {
	const doc = (await new TestClient(app).get("/api/v1/openapi.json")).json();
	for (const path of featureEndpoints) {
		const op = doc.paths[path]?.get;
		assert.ok(op, `${path} is documented`);
		assert.ok(op.summary, `${path} has a summary`);
		assert.ok(op.responses["200"].content["application/json"].schema, `${path} describes its answer`);
	}
});

test("the documentation page lists every endpoint in the document", async () => {
	const [doc, page] = await Promise.all([new TestClient(app).get("/api/v1/openapi.json"), new TestClient(app).get("/api/docs")]);
	for (const path of Object.keys(doc.json().paths)) assert.ok(page.body.includes(`<code>GET ${path}</code>`), `${path} is on the page`);
});

test("the documentation page lists each endpoint with its parameters and response fields, in our layout", async () => {
	const res = await new TestClient(app).get("/api/docs");
	assert.equal(res.statusCode, 200);
	assert.match(res.headers["content-type"] as string, /^text\/html/);
	assert.match(res.body, /<h1>Öppna data: API<\/h1>/);
	assert.match(res.body, /<a href="\/api\/v1\/openapi.json" type="application\/json">OpenAPI-beskrivningen som JSON<\/a>/);
	assert.match(res.body, /<code>GET \/api\/v1\/test-widgets\/\{id\}<\/code>/);
	assert.ok(res.body.includes("One widget, for the documentation test"));
	assert.match(res.body, /<code>id<\/code> i sökvägen, string \(uuid\), obligatorisk – The widget's id/);
	assert.match(res.body, /<code>lang<\/code> i frågesträngen, string \(möjliga värden: <span><code>&quot;sv&quot;<\/code><\/span><span>, <code>&quot;en&quot;<\/code>/);
	assert.match(res.body, /Status 200 – The widget<\/h5><p>Typ: object<\/p>/);
	assert.match(res.body, /<code>name<\/code>: string, obligatorisk – What the widget is called/);
	assert.match(res.body, /<code>parts<\/code>: array of object/);
	assert.match(res.body, /<code>label<\/code>: string \| null/);
	// Our own layout (its one script folds the menu on phones), not a third-party documentation viewer.
	assert.deepEqual(res.body.match(/<script[^>]*>/g), ['<script src="/static/site.js">']);
	assert.equal((res.body.match(/<h1[\s>]/g) ?? []).length, 1);
});
