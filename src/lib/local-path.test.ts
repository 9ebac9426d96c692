import assert from "node:assert/strict";
import { test } from "node:test";
import { localPath } from "./local-path.js";

test("a path on this site is kept, with its query and fragment", () => {
	for (const value of ["/mal?omrade=1#lista", "/", "/m%C3%A5l", "/mal?q=a%20b%2Fc", "/enkater/1?next=%2F%2Fx"]) {
		assert.equal(localPath(value), value);
	}
});

test("anything that could leave the site, or is not a path, becomes the home page", () => {
	for (const value of ["//evil.example/phish", "/\\evil.example", "https://evil.example/", "mal", "/mal med mellanslag", "", undefined, ["/mal"]]) {
		assert.equal(localPath(value), "/", String(value));
	}
});

test("a backslash, tab, line break or control character anywhere, raw or percent-encoded, becomes the home page", () => {
	const hostile = [
		"/\t/evil.example",
		"/\n/evil.example",
		"/\r\n/x",
		"/a\\b",
		"/%2F%2Fevil.example",
		"/%2f/evil.example",
		"/%5Cevil.example",
		"/%5cevil.example",
		"/%09/evil.example",
		"/%0A/x",
		"/x%00",
		"/%E0%A4%A",
		"/\u0000",
		"/\u007f",
	];
	for (const value of hostile) assert.equal(localPath(value), "/", JSON.stringify(value));
});

test("characters a Location header cannot carry (an ideographic full stop, letters outside ASCII) become the home page", () => {
	for (const value of ["/\u3002evil", "//evil\u3002example", "/mål", "/\u202e/x"]) assert.equal(localPath(value), "/", JSON.stringify(value));
});
