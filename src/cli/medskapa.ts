// medskapa <command>: operations from the command line, with the same settings as the server.
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { isEmpty, seedDemo } from "../demo/seed.js";

const usage = `Usage: medskapa <command>
  migrate             apply the database migrations that have not run yet
  seed --demo         load the Norsjöbygden demo into an empty database`;

async function main(args: string[]): Promise<number> {
	const [command, ...rest] = args;
	if (command !== "migrate" && command !== "seed") {
		console.error(usage);
		return 64;
	}
	const config = loadConfig();
	const database = await openDatabase(config.databaseUrl);
	try {
		await database.migrate();
		if (command === "migrate") {
			console.log(`Migrations applied (${database.kind}).`);
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

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (err) {
	if (err instanceof ConfigError) {
		console.error(err.message);
		process.exitCode = 78;
	} else throw err;
}
