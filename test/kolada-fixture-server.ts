// The local Kolada for tests: the fixture server (shared with the demo) serving the Kolada-format files in
// test/fixtures/kolada, which follow the real API's answers, unknown extra fields included.
import { join } from "node:path";
import { loadKoladaFixtures } from "../src/demo/kolada-fixture-server.js";

export { type ForcedAnswer, type KoladaFixtureServer, startKoladaFixtureServer } from "../src/demo/kolada-fixture-server.js";

/** Fresh copies of the test fixtures; `items` may be changed by a test (e.g. to play a revision by Kolada). */
export function testKoladaFixtures() {
	return loadKoladaFixtures(join(import.meta.dirname, "fixtures", "kolada"));
}
