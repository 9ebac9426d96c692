// Runs the browser tests one file at a time, prints each test and the totals, and fails when
// no test ran at all: `node --test` alone exits 0 when a glob matches nothing.
import { globSync } from "node:fs";
import { run } from "node:test";
import { spec } from "node:test/reporters";

const files = globSync("e2e/**/*.test.ts").sort();
let ran = 0;
const stream = run({ files, concurrency: 1, execArgv: ["--import", "tsx"] });
stream.on("test:pass", (e) => {
	if (e.details.type === "test") ran++;
});
stream.on("test:fail", () => {
	process.exitCode = 1;
});
stream.on("end", () => {
	if (ran === 0) {
		console.error(`No browser test ran (${files.length} files matched e2e/**/*.test.ts).`);
		process.exitCode = 1;
	}
});
stream.compose(spec).pipe(process.stdout);
