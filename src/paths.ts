import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The project's root folder (the one holding package.json), whether the code runs from src/ or from the bundle in dist/. */
export const projectRoot = findRoot(import.meta.dirname);

function findRoot(from: string): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "src", "db", "migrations"))) return dir;
		if (dirname(dir) === dir) throw new Error(`Medskapa's project folder was not found above ${from}`);
	}
}
