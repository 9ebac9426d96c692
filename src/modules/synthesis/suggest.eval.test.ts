import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { agreement } from "../../../test/clustering-metrics.js";
import { assistTag } from "./assist.model.js";
import { suggestThemes } from "./suggest.engine.js";
import { compoundParts, type FeatureSettings } from "./suggest.text.js";

// 321 short Swedish answers over 8 topics, written for these tests (everyday language, typos, dialect, two topics in one).
const rows = readFileSync(new URL("../../../test/fixtures/synthesis/inputs-sv.tsv", import.meta.url), "utf8")
	.trim()
	.split("\n")
	.slice(1)
	.map((line) => line.split("\t") as [string, string]);
const topics = [...new Set(rows.map((r) => r[0]))];
// The settings were tuned on the even rows only; every figure asserted here is measured on the odd rows.
const heldOut = rows.filter((_, i) => i % 2 === 1);

async function clusterAgreement(part: [string, string][], features?: FeatureSettings, k: number | null = null) {
	const run = await suggestThemes(
		part.map((r) => r[1]),
		{ k, seed: 1, features },
	);
	const assignment = new Array<number>(part.length).fill(-1);
	run.themes.forEach((t, c) => {
		for (const i of t.members) assignment[i] = c;
	});
	return { ...agreement(part.map((r) => r[0]), assignment), k: run.k };
}

/** Accuracy on the held-out rows when 10 inputs per topic (from the tuning rows) are tagged. */
async function assistedAccuracy() {
	const examples = new Int32Array(rows.length).fill(-1);
	const taken = new Map<string, number>();
	rows.forEach(([topic], i) => {
		if (i % 2 === 0 && (taken.get(topic) ?? 0) < 10) {
			examples[i] = topics.indexOf(topic);
			taken.set(topic, (taken.get(topic) ?? 0) + 1);
		}
	});
	const guesses = await assistTag(
		rows.map((r) => r[1]),
		examples,
		topics.length,
	);
	const tested = rows.map((r, i) => ({ r, i })).filter(({ i }) => i % 2 === 1);
	return tested.filter(({ r, i }) => guesses[i]!.label === topics.indexOf(r[0])).length / tested.length;
}

describe("suggested themes on Swedish answers the method has not been tuned on", () => {
	it("splits Swedish compounds into dictionary words", () => {
		assert.deepEqual(compoundParts("skidspår"), ["skid", "spår"]);
		assert.deepEqual(compoundParts("elljusspåret"), ["elljus", "spår"]);
		assert.deepEqual(compoundParts("busshållplatsen"), ["buss", "hållplat"]);
		assert.deepEqual(compoundParts("kommunen"), []);
	});

	it("agrees with the labels (NMI and adjusted Rand index) at least as well as when the method was kept", async (t) => {
		const methods: [string, FeatureSettings][] = [
			["stems", { compounds: false, synonyms: false, ngrams: false }],
			["stems+compounds", { compounds: true, synonyms: false, ngrams: false }],
			["stems+compounds+ngrams", { compounds: true, synonyms: false, ngrams: true }],
			["stems+compounds+ngrams+synonyms", { compounds: true, synonyms: true, ngrams: true }],
		];
		for (const [name, features] of methods) {
			const found = await clusterAgreement(heldOut, features);
			t.diagnostic(`${name}: k=${found.k} NMI ${found.nmi.toFixed(3)} ARI ${found.ari.toFixed(3)}`);
		}
		const kept = await clusterAgreement(heldOut);
		assert.ok(kept.nmi >= 0.55, `NMI ${kept.nmi}`);
		assert.ok(kept.ari >= 0.42, `ARI ${kept.ari}`);
		const eight = await clusterAgreement(heldOut, undefined, 8);
		t.diagnostic(`kept, k=8 given: NMI ${eight.nmi.toFixed(3)} ARI ${eight.ari.toFixed(3)}`);
	});

	it("tags unseen answers right about 3 times in 4 from 10 tagged per theme", async (t) => {
		const accuracy = await assistedAccuracy();
		t.diagnostic(`nearest centroid ${accuracy.toFixed(3)}`);
		assert.ok(accuracy >= 0.75, `accuracy ${accuracy}`);
	});

	it("guesses better once the analyst has confirmed the confident guesses", async (t) => {
		// 10 tagged per topic on the tuning rows, then twice: confirm every guess there with at least 70 % (right or
		// wrong, as a hurried analyst would) and guess again. Measured on the held-out rows throughout.
		const truth = rows.map((r) => topics.indexOf(r[0]));
		const examples = new Int32Array(rows.length).fill(-1);
		const taken = new Map<number, number>();
		truth.forEach((label, i) => {
			if (i % 2 === 0 && (taken.get(label) ?? 0) < 10) {
				examples[i] = label;
				taken.set(label, (taken.get(label) ?? 0) + 1);
			}
		});
		const texts = rows.map((r) => r[1]);
		const accuracy = (guesses: { label: number }[]) => {
			const tested = truth.map((label, i) => ({ label, i })).filter(({ i }) => i % 2 === 1);
			return tested.filter(({ label, i }) => guesses[i]!.label === label).length / tested.length;
		};
		let guesses = await assistTag(texts, examples, topics.length);
		const first = accuracy(guesses);
		for (let round = 0; round < 2; round++) {
			guesses.forEach((g, i) => {
				if (i % 2 === 0 && examples[i] === -1 && g.confidence >= 0.7) examples[i] = g.label;
			});
			guesses = await assistTag(texts, examples, topics.length);
		}
		t.diagnostic(`assisted accuracy ${first.toFixed(3)} from 10 per theme, ${accuracy(guesses).toFixed(3)} after two rounds of confirming`);
		assert.ok(accuracy(guesses) > first, `${accuracy(guesses)} after, ${first} before`);
	});

	it("gives the same suggestions for the same inputs and settings", async () => {
		const texts = heldOut.map((r) => r[1]);
		assert.deepEqual(await suggestThemes(texts, { k: null, seed: 7 }), await suggestThemes(texts, { k: null, seed: 7 }));
	});
});

describe("inputs that fit no theme yet", () => {
	it("puts the answers on a topic no theme covers first among the least fitting", async (t) => {
		// Each topic in turn has no theme: 10 tagged per other topic, and the untagged held-out answers ranked by fit.
		const shares: number[] = [];
		for (const [missing, topic] of topics.entries()) {
			const themed = topics.filter((_, i) => i !== missing);
			const examples = new Int32Array(rows.length).fill(-1);
			const taken = new Map<string, number>();
			rows.forEach(([label], i) => {
				if (i % 2 === 0 && label !== topic && (taken.get(label) ?? 0) < 10) {
					examples[i] = themed.indexOf(label);
					taken.set(label, (taken.get(label) ?? 0) + 1);
				}
			});
			const guesses = await assistTag(
				rows.map((r) => r[1]),
				examples,
				themed.length,
			);
			const untagged = rows.map((r, i) => ({ topic: r[0], fit: guesses[i]!.fit, i })).filter(({ i }) => i % 2 === 1);
			const orphans = untagged.filter((u) => u.topic === topic).length;
			const least = untagged.sort((a, b) => a.fit - b.fit).slice(0, orphans);
			shares.push(least.filter((u) => u.topic === topic).length / orphans);
		}
		const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
		t.diagnostic(`least fitting answers from the topic with no theme: ${mean.toFixed(3)} (by chance ${(1 / topics.length).toFixed(3)})`);
		assert.ok(mean >= 0.3, `share ${mean}`);
	});
});
