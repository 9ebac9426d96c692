import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { seedDemoIfEmpty } from "./demo/seed.js";
import { scheduleFollowupReminders } from "./modules/followup/index.js";
import { scheduleDailyKoladaSync } from "./modules/indicators/index.js";
import { scheduleBallotMixing, setVoteKey } from "./modules/votes/index.js";
import { applyRetention } from "./modules/surveys/index.js";
import { applyRegistrationRetention } from "./modules/workshops/index.js";

/** Starts Medskapa: check the settings, open and migrate the database, listen, and shut down gracefully. */
async function main() {
	let config: ReturnType<typeof loadConfig>;
	try {
		config = loadConfig();
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(err.message);
			process.exit(78);
		}
		throw err;
	}
	const database = await openDatabase(config.databaseUrl);
	await database.migrate();
	// Before the demo: its letter codes and roll hashes are made with the configured key.
	setVoteKey(config.voteRollKey);
	if (config.demoOnEmpty && database.kind === "pglite") await seedDemoIfEmpty(database.db);
	// Personal data past its retention date goes at every start (and with `medskapa retention`, e.g. nightly).
	await applyRetention(database.db);
	await applyRegistrationRetention(database.db);
	const app = await buildApp(config, database);
	database.onConnectionLost((reason) => app.log.warn({ reason }, "the database ended a connection; new ones open when needed"));
	app.addHook("onClose", () => database.close());
	const stopKoladaSync = scheduleDailyKoladaSync(database, { baseUrl: config.koladaBaseUrl, log: app.log });
	app.addHook("onClose", async () => stopKoladaSync());
	const stopReminders = scheduleFollowupReminders(database, config, app.log);
	app.addHook("onClose", async () => stopReminders());
	const stopMixing = scheduleBallotMixing(database, app.log);
	app.addHook("onClose", async () => stopMixing());

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		app.log.info({ signal }, "shutting down: finishing requests in flight");
		const force = setTimeout(() => {
			app.log.error("shutdown took too long, exiting");
			process.exit(1);
		}, 15_000);
		force.unref();
		await app.close();
		process.exit(0);
	};
	process.on("SIGTERM", () => void stop("SIGTERM"));
	process.on("SIGINT", () => void stop("SIGINT"));

	await app.listen({ port: config.port, host: config.host });
}

await main();
