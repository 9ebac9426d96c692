// medskapa <command>: operations from the command line, with the same settings as the server.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { isEmpty, seedDemo } from "../demo/seed.js";
import { translator } from "../i18n/i18n.js";
import { progressPrinter, syncFromKolada } from "../modules/indicators/index.js";
import { applyRetention } from "../modules/surveys/index.js";
import { recordFileImport, runImport, TableError } from "../modules/synthesis/index.js";
import { auditReport, setVoteKey } from "../modules/votes/index.js";
import { applyRegistrationRetention, registrationRetentionDays } from "../modules/workshops/index.js";

const usage = `Usage: medskapa <command>
  migrate             apply the database migrations that have not run yet
  seed --demo         load the Norsjöbygden demo into an empty database
  retention           delete the account links of survey answers past their survey's retention date, and the names and
                      e-mails of workshop sign-ups ${registrationRetentionDays} days after their workshop ended (the number signed up stays)
  audit:verify [id] [--expect <hash>]
                      check each vote's audit chain, marks and published totals against the ballots, and that a hash
                      saved earlier is still an entry of the chain (exit 1 on any mismatch)
  kolada sync         fetch every Kolada indicator's values from Kolada (KOLADA_BASE_URL); exit 1 if any failed
  inputs import <file> --map text=Svar,locality=Ort,…
                      import a survey export (CSV or .xlsx) into the pool of inputs; columns may be mapped to
                      text (required), question, locality, ageBand, date and respondent; a file with a bad row
                      stores nothing (exit 1, naming the rows)`;

async function main(args: string[]): Promise<number> {
	const [command, ...rest] = args;
	const known =
		["migrate", "seed", "retention", "audit:verify"].includes(command ?? "") || (command === "kolada" && rest[0] === "sync") || (command === "inputs" && rest[0] === "import");
	if (!known) {
		console.error(usage);
		return 64;
	}
	const config = loadConfig();
	setVoteKey(config.voteRollKey);
	const database = await openDatabase(config.databaseUrl);
	try {
		await database.migrate();
		if (command === "migrate") {
			console.log(`Migrations applied (${database.kind}).`);
			return 0;
		}
		if (command === "audit:verify") {
			const at = rest.indexOf("--expect");
			const expect = at >= 0 ? rest.splice(at, 2)[1] : undefined;
			if (at >= 0 && !expect) {
				console.error("audit:verify: --expect needs the hash, e.g. --expect 3f2a…");
				return 64;
			}
			const report = await auditReport(database.db, rest[0], expect);
			for (const line of report.lines) console.log(line);
			return report.ok ? 0 : 1;
		}
		if (command === "kolada") return await koladaSync(database, config.koladaBaseUrl);
		if (command === "inputs") return await importInputs(database, rest.slice(1));
		if (command === "retention") {
			const surveys = await applyRetention(database.db);
			console.log(`Retention applied: account links deleted for ${surveys.length} survey(s) past their retention date.`);
			const registrations = await applyRegistrationRetention(database.db);
			console.log(`Retention applied: names and e-mails deleted from ${registrations} workshop sign-up(s) ${registrationRetentionDays} days after their workshop.`);
			return 0;
		}
		if (!rest.includes("--demo")) {
			console.error("seed: only the demo can be seeded; run `npm run db:seed -- --demo`.");
			return 64;
		}
		if (!(await isEmpty(database.db))) {
			console.error("seed: the database already holds a programme; the demo is only loaded into an empty database.");
			return 1;
		}
		await seedDemo(database.db);
		console.log("The Norsjöbygden demo is loaded.");
		return 0;
	} finally {
		await database.close();
	}
}

async function koladaSync(database: Database, baseUrl: string): Promise<number> {
	const report = await syncFromKolada(database, baseUrl, progressPrinter(process.stdout));
	if (report === null) {
		console.error("kolada sync: another process is syncing now; try again later.");
		return 75;
	}
	console.log(`Kolada sync: ${report.indicators} indicator(s) up to date, ${report.values} value(s) stored, ${report.revised} revised by Kolada.`);
	for (const f of report.failed) console.error(`kolada sync: ${f.kpi} ${f.title} failed, its values stay as they were: ${f.error}`);
	return report.failed.length ? 1 : 0;
}

async function importInputs(database: Database, args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, options: { map: { type: "string" } }, allowPositionals: true, strict: false });
	const [file] = positionals;
	const spec = values.map;
	if (!file || typeof spec !== "string") {
		console.error(usage);
		return 64;
	}
	const t = translator("en");
	try {
		const id = await recordFileImport(database.db, await readFile(file), basename(file), spec);
		const outcome = await runImport(database.db, id, (done, total) => process.stdout.write(process.stdout.isTTY ? `\r\x1b[K${done}/${total} rows saved` : `${done}/${total} rows saved\n`));
		if (process.stdout.isTTY) process.stdout.write("\n");
		if (outcome.ok) {
			console.log(`inputs import: ${outcome.added} new input(s), ${outcome.updated} already there, ${outcome.skipped} row(s) without text skipped.`);
			return 0;
		}
		for (const e of outcome.errors) console.error(`inputs import: row ${e.row}: ${t(e.key, e.params)}`);
		console.error(`inputs import: ${outcome.errorCount} error(s); nothing was stored.`);
		return 1;
	} catch (err) {
		if (err instanceof TableError) {
			console.error(`inputs import: ${t(err.key, err.params)}`);
			return 1;
		}
		if ((err as NodeJS.ErrnoException).code === "ENOENT") {
			console.error(`inputs import: no file ${file}`);
			return 66;
		}
		throw err;
	}
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (err) {
	if (err instanceof ConfigError) {
		console.error(err.message);
		process.exitCode = 78;
	} else throw err;
}
