import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../db/client.js";
import { projectRoot } from "../paths.js";
import * as s from "../schema.js";

const fixture = (name: string) => readFile(join(projectRoot, "src", "demo", "fixtures", name));

/** The demo's own look: a lake blue, a spruce over the waves as its mark (made for the demo, not Norsjö kommun's logo). */
export async function seedNorsjoBranding(tx: Db): Promise<void> {
	await tx.insert(s.siteBranding).values({
		name: "Norsjöbygden 2040",
		brandColour: "#17506e",
		linkColour: "#1b5e86",
		logo: await fixture("norsjobygden-logo.svg"),
		logoType: "image/svg+xml",
		logoAlt: "Norsjö kommun",
		favicon: await fixture("norsjobygden-favicon.svg"),
		faviconType: "image/svg+xml",
	});
}
