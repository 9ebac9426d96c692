import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText, whenValid } from "./fields.js";
import { parseForm } from "./forms.js";

test("a date is refused outside 1900–2200, so that PostgreSQL never sees year 0 or year 10000", () => {
	for (const day of ["0000-01-01", "0001-01-01", "1899-12-31", "2201-01-01"]) {
		assert.equal(isoDate().safeParse(day).error?.issues[0]?.message, "error.dateRange?min=1900&max=2200", day);
		assert.equal(optionalIsoDate().safeParse(day).error?.issues[0]?.message, "error.dateRange?min=1900&max=2200", day);
	}
	assert.equal(isoDate().safeParse("10000-01-01").error?.issues[0]?.message, "error.notADate");
	assert.equal(isoDate().parse("1900-01-01"), "1900-01-01");
	assert.equal(isoDate().parse("2200-12-31"), "2200-12-31");
});

test("a check across fields that reads converted values runs only when those fields passed", () => {
	const lines = z
		.object({ title: optionalText(10), options: optionalText(4000).transform((v) => v.split("\n")) })
		.refine((v) => v.options.every((o) => o.length <= 200), { path: ["options"], message: "error.tooLong?max=200", ...whenValid("options") });
	const tooLong = parseForm(lines, { options: "alternativ\n".repeat(500) });
	assert.deepEqual(tooLong.ok ? null : tooLong.state.errors, { options: "error.tooLong?max=4000" });
	const both = parseForm(lines, { title: "x".repeat(11), options: "y".repeat(201) });
	assert.deepEqual(both.ok ? null : both.state.errors, { title: "error.tooLong?max=10", options: "error.tooLong?max=200" });
});
