// The demo for a bench, seeded as the server seeds it: the demo's letter codes and roll hashes are keyed hashes,
// so the vote key of the configuration the bench's app runs with is set first.
import type { Config } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { seedDemo } from "../src/demo/seed.js";
import { setVoteKey } from "../src/modules/votes/index.js";

/** Migrates the database and loads the Norsjöbygden demo with `config`'s vote key. */
export async function seedBenchDemo(database: Database, config: Config): Promise<void> {
	await database.migrate();
	setVoteKey(config.voteRollKey);
	await seedDemo(database.db);
}
