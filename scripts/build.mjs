// Bundles the server into dist/server.mjs so that a start loads one file instead of ~1 000 modules
// (on Node 24 importing drizzle-orm's many ESM files alone takes over a second and 200 MB).
// Skips the work when the bundle is newer than every source file, so `npm start` stays quick.
// Plain JavaScript, run by node itself: no TypeScript loader on the start path.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const outfile = join(root, "dist", "server.mjs");

function newest(path) {
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function bundleAge() {
	try {
		return statSync(outfile).mtimeMs;
	} catch {
		return 0;
	}
}

const sources = Math.max(newest(join(root, "src")), newest(join(root, "package-lock.json")));
if (process.argv.includes("--force") || bundleAge() < sources) {
	// Imported only when there is work to do: a start with a fresh bundle pays nothing for it.
	const { build } = await import("esbuild");
	await build({
		entryPoints: [join(root, "src", "server.ts")],
		outfile,
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node24",
		jsx: "automatic",
		jsxImportSource: "preact",
		// These load data files next to their own modules (PGlite its WebAssembly, pdfkit its fonts):
		// they stay real packages, resolved by Node at run time.
		external: ["@electric-sql/pglite", "pdfkit"],
		banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
		logLevel: "warning",
	});
}
