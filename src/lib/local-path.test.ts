import assert from "node:assert/strict";
import { test } from "node:test";
import { localPath } from "./local-path.js";

test("a path on this site is kept, with its query and fragment", () => {
	assert.equal(localPath("/mal?omrade=1#lista"), "/mal?omrade=1#lista");
});

test("anything that could leave the site, or is not a path, becomes the home page", () => {
	for (const value of ["//evil.example/phish", "/\\evil.example", "https://evil.example/", "mal", "/mal med mellanslag", "", undefined, ["/mal"]]) {
		assert.equal(localPath(value), "/", String(value));
	}
});
