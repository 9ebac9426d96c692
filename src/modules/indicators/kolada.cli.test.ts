import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { createIndicator, createProgramme } from "../../../test/factories.js";
import { startKoladaFixtureServer, testKoladaFixtures } from "../../../test/kolada-fixture-server.js";
import { openDatabase } from "../../db/client.js";

/** Runs `medskapa kolada sync` (output to a pipe, so plain lines); resolves with its exit code and output. */
function koladaSync(databaseUrl: string, baseUrl: string): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ["--import", "tsx", "src/cli/medskapa.ts", "kolada", "sync"], {
		env: { ...process.env, DATABASE_URL: databaseUrl, KOLADA_BASE_URL: baseUrl, LOG_LEVEL: "silent" },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout!.on("data", (d) => (output += d));
	child.stderr!.on("data", (d) => (output += d));
	return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

// The command's wiring is the same on both databases; the sync itself is tested on both in kolada.sync.test.ts.
test("`medskapa kolada sync` prints a line per indicator and its totals, and exits 1 naming the key figure that failed", async () => {
	const dir = mkdtempSync(join(tmpdir(), "medskapa-kolada-"));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const url = `pglite:${dir}`;
	const database = await openDatabase(url);
	await database.migrate();
	const { programme } = await createProgramme(database.db);
	await createIndicator(database.db, programme.id, { title: "Invånare", koladaKpi: "N01951" });
	await createIndicator(database.db, programme.id, { title: "Svar på e-post", koladaKpi: "U00442", peerMunicipalities: ["2418"] });
	await database.close();

	const server = await startKoladaFixtureServer(testKoladaFixtures(), (path) => (path.includes("U00442") ? { status: 404, body: "" } : undefined));
	after(() => server.close());
	const run = await koladaSync(url, server.baseUrl);
	assert.equal(run.code, 1, run.output);
	assert.match(run.output, /^1\/2 N01951 Invånare$/m);
	assert.match(run.output, /^2\/2 U00442 Svar på e-post: FAILED \(Kolada refused the request: HTTP 404/m);
	assert.match(run.output, /Kolada sync: 1 indicator\(s\) up to date, 9 value\(s\) stored, 0 revised by Kolada\./);
	assert.match(run.output, /kolada sync: U00442 Svar på e-post failed, its values stay as they were/);
});
