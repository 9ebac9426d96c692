import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import { createProgramme, signedInCoordinator } from "../../../test/factories.js";
import { testApp } from "../../../test/helpers.js";
import { openDatabase } from "../../db/client.js";
import * as s from "../../schema.js";
import { importedInputs } from "./synthesis.schema.js";

const { app, db } = await testApp();
const { coordinator } = await createProgramme(db);
const client = await signedInCoordinator(app, db, coordinator.id);

// Netigate's export as Swedish Excel saves it: semicolons, Windows-1252, no BOM.
const netigate = Buffer.from(
	"Respondent;Datum;Ort;Ålder;Vad vill du se i Norsjöbygden?\r\n101;2018-09-12;Norsjö;30\u009644;Ett badhus \u0096 gärna i Norsjö\r\n102;2018-09-13;Bastuträsk;65+;Fler skidspår\r\n103;2018-09-13;Kusfors;;\r\n",
	"latin1", // with "–" as byte 0x96, as Windows-1252 writes it
);
const csv = { name: "netigate.csv", type: "text/csv" };

async function upload(data: Buffer, name = csv.name) {
	return client.postFile("/analys/import", {}, { ...csv, name, data });
}

/** Waits for a background import to end, the page refreshing itself meanwhile, and returns its page. */
async function finished(path: string): Promise<string> {
	for (let i = 0; i < 200; i++) {
		const page = await client.get(path);
		if (!/Läser raderna|Sparar inspelen/.test(page.body)) {
			assert.doesNotMatch(page.body, /data-refresh/, "a finished import's page stops refreshing itself");
			return page.body;
		}
		// While it works, the progress region refreshes itself (public/refresh.js); a link reloads without JavaScript.
		assert.match(page.body, /<div id="import-run" data-refresh="2">/);
		assert.match(page.body, /<script src="\/static\/refresh\.js" defer/);
		await new Promise((r) => setTimeout(r, 50));
	}
	assert.fail("the import did not end");
}

async function importFile(data: Buffer, mapping: Record<string, string>): Promise<string> {
	const uploaded = await upload(data);
	assert.equal(uploaded.statusCode, 303, uploaded.body);
	const path = String(uploaded.headers.location);
	const started = await client.post(path, mapping);
	assert.equal(started.statusCode, 303);
	return finished(path);
}

test("an analyst uploads a Netigate export, maps its columns over a preview, and imports it once however often it is sent", async () => {
	const uploaded = await upload(netigate);
	assert.equal(uploaded.statusCode, 303);
	const preview = await client.get(String(uploaded.headers.location));
	assert.match(preview.body, /Ett badhus – gärna i Norsjö/);
	assert.match(preview.body, /Filen har 3 rader/);
	// The free text and the locality are guessed from the header.
	assert.match(preview.body, /<select id="field-text" name="text"[^>]*>(<option[^>]*>[^<]*<\/option>)*<option value="4" selected/);

	const mapping = { text: "4", respondent: "0", date: "1", locality: "2", ageBand: "3" };
	const done = await importFile(netigate, mapping);
	assert.match(done, /2 nya inspel av 2 rader med text \(1 rader utan text hoppades över\)/);
	const rows = await db.select().from(s.inputs).where(eq(s.inputs.source, "import"));
	assert.deepEqual(rows.map((r) => [r.text, r.locality, r.ageBand, r.occurredOn]).sort(), [
		["Ett badhus – gärna i Norsjö", "Norsjö", "30–44", "2018-09-12"],
		["Fler skidspår", "Bastuträsk", "65+", "2018-09-13"],
	]);
	const origins = await db.select().from(importedInputs);
	assert.deepEqual(origins.map((o) => o.row).sort(), [2, 3]);

	const again = await importFile(netigate, mapping);
	assert.match(again, /0 nya inspel av 2 rader/);
	assert.equal((await db.select().from(s.inputs).where(eq(s.inputs.source, "import"))).length, 2);
});

test("a file with bad rows stores nothing and names the rows and why; unreadable files are refused at upload", async () => {
	const before = (await db.select().from(s.inputs)).length;
	const bad = Buffer.from("Svar,Datum\nBra,2018-09-12\nOcksa bra,i somras\nTredje,2018-13-01\n");
	const page = await importFile(bad, { text: "0", date: "1" });
	assert.match(page, /2 fel i filen/);
	assert.match(page, /Rad 3: Datumet ”i somras” går inte att läsa/);
	assert.match(page, /Rad 4: Datumet ”2018-13-01”/);
	assert.match(page, /Ingenting har sparats/);
	assert.equal((await db.select().from(s.inputs)).length, before);

	const broken = await upload(Buffer.from("PK\x03\x04trasig"), "svar.xlsx");
	assert.equal(broken.statusCode, 422);
	assert.match(broken.body, /Excel-filen är skadad/);
	const utf16 = await upload(Buffer.from("Svar;Ort\nÖppet;Norsjö\n", "utf16le"));
	assert.equal(utf16.statusCode, 422);
	assert.match(utf16.body, /teckenkodning känns inte igen/);
	const none = await client.postFile("/analys/import", {});
	assert.equal(none.statusCode, 422);
	assert.match(none.body, /Välj en fil att ladda upp/);
	const uploaded = await upload(netigate);
	const noText = await client.post(String(uploaded.headers.location), { locality: "2" });
	assert.equal(noText.statusCode, 422);
	assert.match(noText.body, /Välj vilken kolumn som har fritexten/);
});

/** Runs `medskapa inputs import`; resolves with its exit code and output. */
function cliImport(databaseUrl: string, args: string[]): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ["--import", "tsx", "src/cli/medskapa.ts", "inputs", "import", ...args], {
		env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout!.on("data", (d) => (output += d));
	child.stderr!.on("data", (d) => (output += d));
	return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

test("`medskapa inputs import <file> --map text=…` imports from the command line", async () => {
	const dir = mkdtempSync(join(tmpdir(), "medskapa-import-"));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const url = `pglite:${join(dir, "db")}`;
	const database = await openDatabase(url);
	await database.migrate();
	await database.close();
	const file = join(dir, "netigate.csv");
	writeFileSync(file, netigate);
	const run = await cliImport(url, [file, "--map", "text=Vad vill du se i Norsjöbygden?,locality=Ort,respondent=Respondent"]);
	assert.equal(run.code, 0, run.output);
	assert.match(run.output, /2\/2 rows saved/);
	assert.match(run.output, /inputs import: 2 new input\(s\), 0 already there, 1 row\(s\) without text skipped\./);
});
