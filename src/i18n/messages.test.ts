// Every message has words in both languages, and every key the code names literally has a message.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import "../app.js"; // assembling the app registers every module's messages
import { projectRoot } from "../paths.js";
import { messages, registered } from "./messages.js";

test("each part's messages have the same keys in Swedish and English", () => {
	assert.ok(registered.length > 20, "the modules registered their messages");
	for (const part of registered) assert.deepEqual(Object.keys(part.en).sort(), Object.keys(part.sv).sort());
});

test("every key the code names in t(\"…\") has a message", () => {
	const files = readdirSync(join(projectRoot, "src"), { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
	const used = files.flatMap((f) => [...readFileSync(join(projectRoot, "src", f), "utf8").matchAll(/\bt\("([a-z][\w-]*(?:\.[\w-]+)+)"/g)].map((m) => m[1]!));
	assert.ok(used.length > 500, "the scan finds the code's keys");
	assert.deepEqual([...new Set(used.filter((key) => !(key in messages.sv)))], []);
});
