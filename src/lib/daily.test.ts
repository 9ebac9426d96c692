import assert from "node:assert/strict";
import { test } from "node:test";
import { msUntilHour } from "./daily.js";

test("a daily job waits until the next night's hour, today's if it is still to come", () => {
	assert.equal(msUntilHour(new Date("2026-03-01T01:30:00Z"), 2), 30 * 60_000);
	assert.equal(msUntilHour(new Date("2026-03-01T02:00:00Z"), 2), 24 * 3600_000);
	assert.equal(msUntilHour(new Date("2026-12-31T23:00:00Z"), 2), 3 * 3600_000);
});
