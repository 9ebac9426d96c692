import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { isoDate, optionalIsoDate, optionalText } from "./fields.js";
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

test("a field that fails stops the checks across fields, which never see a value that was not converted", () => {
	const lines = z
		.object({ options: optionalText(4000).transform((v) => v.split("\n")) })
		.refine((v) => v.options.every((o) => o.length <= 200), { path: ["options"], message: "error.tooLong?max=200" });
	const result = parseForm(lines, { options: "alternativ\n".repeat(500) });
	assert.deepEqual(result.ok ? null : result.state.errors, { options: "error.tooLong?max=4000" });
});
