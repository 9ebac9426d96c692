import assert from "node:assert/strict";
import { test } from "node:test";
import { progressPrinter } from "./kolada.progress.js";

test("on a terminal the progress line is rewritten in place, a failure stays on screen and the last line ends it", () => {
	let screen = "";
	const print = progressPrinter({ isTTY: true, write: (s: string) => (screen += s) });
	print(1, 3, { kpi: "N01951", title: "Invånare" });
	print(2, 3, { kpi: "U00442", title: "E-post", error: "HTTP 503" });
	print(3, 3, { kpi: "N07403", title: "Miljöbilar" });
	assert.equal(screen, "\r\x1b[K1/3 N01951 Invånare\r\x1b[K2/3 U00442 E-post: FAILED (HTTP 503)\n\r\x1b[K3/3 N07403 Miljöbilar\n");
});
