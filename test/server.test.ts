// The real server process, started as `npm start` starts it (scripts/start.mjs and the bundle in dist/): first start seeds the demo,
// SIGTERM shuts it down cleanly, a second start reopens the same embedded database, and a bad setting
// stops it with a clear message.
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
const tmp = mkdtempSync(join(tmpdir(), "medskapa-server-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const dataDir = join(tmp, "pglite");

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, "127.0.0.1", () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
	const child = spawn(process.execPath, ["scripts/start.mjs"], {
		env: { ...process.env, LOG_LEVEL: "info", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let out = "";
	child.stdout!.on("data", (d) => (out += d));
	child.stderr!.on("data", (d) => (out += d));
	const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
	return { child, output: () => out, exited };
}

async function waitFor(url: string, timeoutMs = 180_000): Promise<Response> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await fetch(url);
		} catch (err) {
			if (Date.now() > until) throw err;
			await new Promise((r) => setTimeout(r, 100));
		}
	}
}

// Packages that read data files at run time (PGlite, pdfkit's fonts) must work from the bundle too.
async function assertBundleServesFilesOfItsPackages(base: string) {
	assert.equal((await fetch(`${base}/health`)).status, 200);
	const meeting = /href="(\/beslut\/sammantraden\/[^"]+)"/.exec(await (await fetch(`${base}/beslut`)).text())?.[1];
	const item = /href="(\/beslut\/paragrafer\/[0-9a-f-]+)"/.exec(await (await fetch(`${base}${meeting}`)).text())?.[1];
	const pdf = await fetch(`${base}${item}/utdrag.pdf`);
	assert.equal(pdf.status, 200);
	assert.equal(pdf.headers.get("content-type"), "application/pdf");
	assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
}

test("the embedded server seeds the demo, stops cleanly on SIGTERM and starts again on its data and its keys", async () => {
	const keyFiles: string[] = [];
	for (const round of [1, 2]) {
		const port = await freePort();
		const server = start({ PORT: String(port), DATABASE_URL: `pglite:${dataDir}` });
		const res = await waitFor(`http://127.0.0.1:${port}/`);
		assert.equal(res.status, 200, `round ${round}`);
		assert.match(await res.text(), /<h1>Framtidsprogrammet<\/h1>/);
		if (round === 1) await assertBundleServesFilesOfItsPackages(`http://127.0.0.1:${port}`);
		server.child.kill("SIGTERM");
		assert.equal(await server.exited, 0, server.output());
		assert.match(server.output(), /shutting down/);
		assert.doesNotMatch(server.output(), /"level":50/, "no errors logged");
		assert.equal(statSync(`${dataDir}-keys.json`).mode & 0o777, 0o600);
		keyFiles.push(readFileSync(`${dataDir}-keys.json`, "utf8"));
	}
	assert.equal(keyFiles[1], keyFiles[0], "the second start keeps the keys the first generated");
});

test("a wrong setting stops the server before it starts, naming the setting", async () => {
	const server = start({ PORT: "not-a-port", DATABASE_URL: "mysql://nope" });
	assert.equal(await server.exited, 78);
	assert.match(server.output(), /PORT: /);
	assert.match(server.output(), /DATABASE_URL: must start with postgres:\/\//);
});
