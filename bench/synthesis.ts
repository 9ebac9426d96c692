// Synthesis benchmark. (1) Suggested themes for 100 000 short Swedish answers, in a child process of its own so that
// its time and peak memory are the suggestion's alone (Swedish features, TF-IDF, LSA, k found by silhouette), beside
// the same run of plain stemmed TF-IDF as the baseline, plus the longest stall of the event loop meanwhile.
// (2) On PostgreSQL: the same 100 000 inputs stored, a suggestion run through the service (suggest and store every
// member), bulk tagging of 10 000 inputs through the analyst's bulk action, and the import of a 50 000-row CSV export.
// The answers are the labelled test set's 321 sentences, each with two words of the set added at random (seeded).
// Ends with one `bench synthesis <figure> <value> <unit>` line per headline figure.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createServerDatabase, dropServerDatabase, openDatabase } from "../src/db/client.js";
import * as s from "../src/schema.js";
import { addInputs } from "../src/modules/inputs/index.js";
import { recordFileImport, runImport } from "../src/modules/synthesis/index.js";
import { suggestThemes } from "../src/modules/synthesis/suggest.engine.js";
import { suggestionRuns } from "../src/modules/synthesis/suggest.schema.js";
import { runSuggestions } from "../src/modules/synthesis/suggest.service.js";
import { analysts, themes } from "../src/modules/synthesis/synthesis.schema.js";
import { bulkAction } from "../src/modules/synthesis/synthesis.service.js";
import { seededRandom } from "../src/lib/seeded-random.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const size = 100_000;

/** 100 000 answers made from the labelled set: a sentence and two more words of the set, seeded. */
function answers(n: number): string[] {
	const sentences = readFileSync(join(import.meta.dirname, "..", "test", "fixtures", "synthesis", "inputs-sv.tsv"), "utf8")
		.trim()
		.split("\n")
		.slice(1)
		.map((line) => line.split("\t")[1]!);
	const words = [...new Set(sentences.join(" ").toLowerCase().split(/[^\p{L}]+/u))].filter((w) => w.length > 3);
	const random = seededRandom(2417);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
	return Array.from({ length: n }, () => `${pick(sentences)} ${pick(words)} ${pick(words)}`);
}

/** Child: one suggestion run over the answers; prints its time, peak memory and longest event-loop stall as JSON. */
async function engine(plain: boolean) {
	const texts = answers(size);
	let last = performance.now();
	let stall = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		stall = Math.max(stall, now - last);
		last = now;
	}, 5);
	const started = performance.now();
	const cpuStarted = process.cpuUsage();
	const features = plain ? { compounds: false, synonyms: false, ngrams: false } : undefined;
	const run = await suggestThemes(texts, { k: null, seed: 1, features }, () => new Promise((resolve) => setImmediate(resolve)));
	const seconds = (performance.now() - started) / 1000;
	// CPU time as well: on a shared machine the wall-clock time says as much about the load as about the code.
	const cpu = process.cpuUsage(cpuStarted);
	clearInterval(timer);
	console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024, stallMs: stall, k: run.k }));
}

async function inChild(plain: boolean): Promise<{ seconds: number; cpuSeconds: number; rssMb: number; stallMs: number; k: number }> {
	const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, plain ? "plain" : "engine"], { stdio: ["ignore", "pipe", "inherit"] });
	let out = "";
	child.stdout!.on("data", (d: Buffer) => {
		out += d.toString();
	});
	await once(child, "exit");
	return JSON.parse(out.trim().split("\n").pop()!);
}

async function bench() {
	const swedish = await inChild(false);
	console.log(`suggest 100k (Swedish features): ${swedish.seconds.toFixed(1)} s (${swedish.cpuSeconds.toFixed(1)} s CPU), ${Math.round(swedish.rssMb)} MB, k=${swedish.k}, longest event-loop stall ${Math.round(swedish.stallMs)} ms`);
	const plain = await inChild(true);
	console.log(`suggest 100k (plain stems, baseline): ${plain.seconds.toFixed(1)} s, ${Math.round(plain.rssMb)} MB, k=${plain.k}`);

	const name = `medskapa_bench_synthesis_${process.pid}`;
	const database = await openDatabase(await createServerDatabase(serverUrl, name));
	try {
		await database.migrate();
		const { db } = database;
		const texts = answers(size);
		for (let start = 0; start < size; start += 5000) {
			await addInputs(
				db,
				texts.slice(start, start + 5000).map((text, i) => ({ source: "import" as const, sourceId: `bench-${start + i}`, text, occurredOn: "2018-09-12" })),
			);
		}
		const inputs = await db.select({ id: s.inputs.id, text: s.inputs.text }).from(s.inputs).orderBy(s.inputs.id);
		const [run] = await db.insert(suggestionRuns).values({ kind: "themes", status: "running", inputCount: inputs.length }).returning();
		const storedStart = performance.now();
		const storedCpuStart = process.cpuUsage();
		await runSuggestions(db, run!.id, inputs, { k: null, seed: 1 });
		const stored = (performance.now() - storedStart) / 1000;
		const storedCpu = process.cpuUsage(storedCpuStart);
		const [done] = await db.select().from(suggestionRuns).where(eq(suggestionRuns.id, run!.id));
		if (done?.status !== "done") throw new Error("the suggestion run did not finish");

		const [user] = await db.insert(s.users).values({ email: "analytiker@bench.example" }).returning();
		await db.insert(analysts).values({ userId: user!.id });
		const [theme] = await db.insert(themes).values({ name: "Benchtema" }).returning();
		const viewer = { id: user!.id, email: user!.email, name: "", isAdministrator: false, memberships: [] };
		const body = { themeId: theme!.id, inputIds: inputs.slice(0, 10_000).map((i) => i.id) };
		const tagStart = performance.now();
		const tagged = await bulkAction(db, viewer, "tag", body);
		const tagSeconds = (performance.now() - tagStart) / 1000;
		if (!tagged.ok || tagged.count !== 10_000) throw new Error("bulk tagging did not tag 10 000 inputs");
		const csv = `Svar;Ort\n${answers(50_000)
			.map((text, i) => `"${text.replaceAll('"', '""')}";By ${i % 40}`)
			.join("\n")}\n`;
		const importStart = performance.now();
		const imported = await runImport(db, await recordFileImport(db, Buffer.from(csv), "enkat.csv", "text=Svar,locality=Ort"));
		const importSeconds = (performance.now() - importStart) / 1000;
		if (!imported.ok || imported.added !== 50_000) throw new Error("the import did not add 50 000 inputs");
		console.log(
			[
				`bench synthesis suggest_100k_s ${swedish.seconds.toFixed(1)} s`,
				`bench synthesis suggest_100k_cpu_s ${swedish.cpuSeconds.toFixed(1)} s`,
				`bench synthesis suggest_100k_rss_mb ${Math.round(swedish.rssMb)} MB`,
				`bench synthesis suggest_100k_stall_ms ${Math.round(swedish.stallMs)} ms`,
				`bench synthesis suggest_100k_plain_baseline_s ${plain.seconds.toFixed(1)} s`,
				`bench synthesis suggest_100k_vs_plain ${(swedish.seconds / plain.seconds).toFixed(2)} x`,
				`bench synthesis suggest_100k_stored_pg_s ${stored.toFixed(1)} s`,
				`bench synthesis suggest_100k_stored_pg_node_cpu_s ${((storedCpu.user + storedCpu.system) / 1e6).toFixed(1)} s`,
				`bench synthesis bulk_tag_10k_s ${tagSeconds.toFixed(2)} s`,
				`bench synthesis import_50k_rows_s ${importSeconds.toFixed(1)} s`,
			].join("\n"),
		);
	} finally {
		await database.close();
		await dropServerDatabase(serverUrl, name);
	}
}

if (process.argv[2] === "engine" || process.argv[2] === "plain") await engine(process.argv[2] === "plain");
else await bench();
