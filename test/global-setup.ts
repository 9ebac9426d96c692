// Runs once per test run: prepares a migrated template that every test file copies,
// so that no file pays for migrations (PGlite) or touches another file's data (PostgreSQL).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The runner loads this file before --import hooks apply, so TypeScript sources come in through tsx.
import { tsImport } from "tsx/esm/api";

const { createServerDatabase, dropServerDatabases, openDatabase, snapshotEmbedded } = (await tsImport(
	"../src/db/client.ts",
	import.meta.url,
)) as typeof import("../src/db/client.js");

const serverUrl = process.env.TEST_DATABASE_URL;
const runId = `${Date.now().toString(36)}_${process.pid}`;
let templateName: string | undefined;
let tmp: string | undefined;

/** Builds the template: a database on the server, or a snapshot file of an embedded one. */
export async function globalSetup() {
	if (serverUrl) {
		templateName = `medskapa_test_${runId}`;
		const url = await createServerDatabase(serverUrl, templateName);
		const database = await openDatabase(url, { poolSize: 1 });
		await database.migrate();
		await database.close();
		process.env.MEDSKAPA_TEST_TEMPLATE = templateName;
	} else {
		const database = await openDatabase("pglite:memory:");
		await database.migrate();
		const snapshot = await snapshotEmbedded(database);
		await database.close();
		tmp = mkdtempSync(join(tmpdir(), "medskapa-test-"));
		const file = join(tmp, "template.tar");
		writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
		process.env.MEDSKAPA_TEST_SNAPSHOT = file;
	}
}

/** Drops what globalSetup made and any database a test file left behind. */
export async function globalTeardown() {
	if (serverUrl && templateName) await dropServerDatabases(serverUrl, templateName);
	if (tmp) rmSync(tmp, { recursive: true, force: true });
}
