// The demo's Kolada values for 2015–2024: fixtures in Kolada's own format (src/demo/fixtures/kolada, demo data),
// served by the local fixture server while the demo is seeded and loaded through the real sync code.
import { join } from "node:path";
import type { Db } from "../db/client.js";
import { KoladaClient, syncKoladaIndicators } from "../modules/indicators/index.js";
import { projectRoot } from "../paths.js";
import { type KoladaFixtureServer, loadKoladaFixtures, startKoladaFixtureServer } from "./kolada-fixture-server.js";

/** The years the demo's Kolada fixtures cover. */
export const demoYears = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** A local Kolada serving the demo's fixtures, e.g. for browser tests that save Kolada indicators; close it after. */
export function startDemoKolada(): Promise<KoladaFixtureServer> {
	return startKoladaFixtureServer(loadKoladaFixtures(join(projectRoot, "src", "demo", "fixtures", "kolada")));
}

// Norsjö's population for 2024 as a first sync saw it, before Kolada revised it to the fixtures' 3 962.
const preliminaryPopulation2024 = 3958;

/**
 * Syncs the demo's Kolada indicators from the fixtures (inside seedDemo's transaction); throws if any fails. A first
 * sync sees a preliminary 2024 population for Norsjö, so that the demo shows a value Kolada revised.
 */
export async function seedNorsjoIndicatorValues(tx: Db): Promise<void> {
	const fixtures = loadKoladaFixtures(join(projectRoot, "src", "demo", "fixtures", "kolada"));
	const population = fixtures.items.find((i) => i.kpi === "N01951" && i.municipality === "2417" && i.period === 2024)!;
	const total = (population.values as { gender: string; value: number }[]).find((v) => v.gender === "T")!;
	const revised = total.value;
	total.value = preliminaryPopulation2024;
	const server = await startKoladaFixtureServer(fixtures);
	try {
		const sync = async () => {
			const report = await syncKoladaIndicators(tx, new KoladaClient({ baseUrl: server.baseUrl, minIntervalMs: 0 }), { years: demoYears });
			if (report.failed.length) throw new Error(`the demo's Kolada values did not load: ${report.failed.map((f) => `${f.kpi}: ${f.error}`).join("; ")}`);
		};
		await sync();
		total.value = revised;
		await sync();
	} finally {
		await server.close();
	}
}
