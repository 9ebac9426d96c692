import assert from "node:assert/strict";
import { test } from "node:test";
import { goalProgress } from "./progress.js";

const goal = { baseline: { value: 100, year: 2020 }, target: { value: 200, year: 2030 }, better: "higher" as const };

test("a value on or above the line from baseline to target is on track", () => {
	const p = goalProgress({ ...goal, latest: { value: 150, year: 2025 } });
	assert.equal(p.state, "on_track");
	assert.equal(p.expected, 150);
	assert.equal(goalProgress({ ...goal, latest: { value: 210, year: 2022 } }).state, "on_track");
});

test("a value that moved the right way but lags the line is at risk; less than half the way is off track", () => {
	assert.equal(goalProgress({ ...goal, latest: { value: 130, year: 2025 } }).state, "at_risk");
	assert.equal(goalProgress({ ...goal, latest: { value: 120, year: 2025 } }).state, "off_track");
	assert.equal(goalProgress({ ...goal, latest: { value: 90, year: 2025 } }).state, "off_track");
});

test("when lower is better, falling is progress", () => {
	const lower = { baseline: { value: 20, year: 2020 }, target: { value: 10, year: 2024 }, better: "lower" as const };
	assert.equal(goalProgress({ ...lower, latest: { value: 15, year: 2022 } }).state, "on_track");
	assert.equal(goalProgress({ ...lower, latest: { value: 17, year: 2022 } }).state, "at_risk");
	assert.equal(goalProgress({ ...lower, latest: { value: 21, year: 2022 } }).state, "off_track");
});

test("after the target year the target itself is expected", () => {
	assert.equal(goalProgress({ ...goal, latest: { value: 190, year: 2032 } }).expected, 200);
	assert.equal(goalProgress({ ...goal, latest: { value: 190, year: 2032 } }).state, "at_risk");
});

test("without a baseline, target, direction or a value since the baseline there is no judgement", () => {
	assert.equal(goalProgress({ ...goal, latest: null }).state, "no_data");
	assert.equal(goalProgress({ ...goal, baseline: null, latest: { value: 1, year: 2025 } }).state, "no_data");
	assert.equal(goalProgress({ ...goal, better: null, latest: { value: 1, year: 2025 } }).state, "no_data");
	assert.equal(goalProgress({ ...goal, latest: { value: 150, year: 2019 } }).state, "no_data");
});
