// The local Kolada for tests: the fixture server (shared with the demo) serving the Kolada-format files in
// test/fixtures/kolada, which follow the real API's answers, unknown extra fields included.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataFromItems, type KoladaFixtures } from "../src/demo/kolada-fixture-server.js";

export { type ForcedAnswer, type KoladaFixtureServer, startKoladaFixtureServer } from "../src/demo/kolada-fixture-server.js";

type Raw = Record<string, unknown>;

function values(file: string): Raw[] {
	return (JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "kolada", file), "utf8")) as { values: Raw[] }).values;
}

/** Fresh copies of the test fixtures; `data` items may be changed by a test (e.g. to play a revision by Kolada). */
export function testKoladaFixtures(): KoladaFixtures & { items: Raw[] } {
	const items = values("data.json");
	return { kpis: values("kpi.json"), municipalities: values("municipality.json"), kpiGroups: values("kpi_groups.json"), items, data: (k, m, y) => dataFromItems(items)(k, m, y) };
}
