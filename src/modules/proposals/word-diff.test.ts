import assert from "node:assert/strict";
import { test } from "node:test";
import { wordDiff } from "./word-diff.js";

const show = (before: string, after: string) =>
	wordDiff(before, after)
		.map((p) => (p.op === "same" ? p.text : `[${p.op}:${p.text}]`))
		.join("");

test("the Norsjö amendment: a comma and 'och ny teknik' added, 'och' moved", () => {
	assert.equal(
		show("Med öppenhet och mod välkomnar vi", "Med öppenhet, mod och ny teknik välkomnar vi"),
		"Med öppenhet[del: och][ins:,] mod[ins: och ny teknik] välkomnar vi",
	);
});

test("equal texts have no changes, and empty texts are all inserted or all deleted", () => {
	assert.deepEqual(wordDiff("Samma text.", "Samma text."), [{ op: "same", text: "Samma text." }]);
	assert.deepEqual(wordDiff("", "Ny text"), [{ op: "ins", text: "Ny text" }]);
	assert.deepEqual(wordDiff("Gammal text", ""), [{ op: "del", text: "Gammal text" }]);
	assert.deepEqual(wordDiff("", ""), []);
});

test("a replaced word is deleted, then the new one inserted; the parts give both texts back", () => {
	const parts = wordDiff("en trygg bygd", "en levande bygd");
	assert.equal(show("en trygg bygd", "en levande bygd"), "en[del: trygg][ins: levande] bygd");
	assert.equal(parts.filter((p) => p.op !== "ins").map((p) => p.text).join(""), "en trygg bygd");
	assert.equal(parts.filter((p) => p.op !== "del").map((p) => p.text).join(""), "en levande bygd");
});
