// The real server (src/server.ts) as a child process on a free port, for tests of what a process survives.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { after } from "node:test";

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, "127.0.0.1", () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

/** A started server: its base URL, the process, when it exited, and what it wrote. */
export type ServerProcess = { base: string; child: ChildProcess; exited: Promise<number | null>; output(): string };

/** Starts `src/server.ts` with these settings and waits until /health answers 200; it is killed after the test file. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
	const port = await freePort();
	const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
		env: { ...process.env, PORT: String(port), DEMO_ON_EMPTY: "false", READ_CACHE_MS: "0", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let out = "";
	child.stdout!.on("data", (d) => (out += d));
	child.stderr!.on("data", (d) => (out += d));
	const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
	after(() => child.kill("SIGKILL"));
	const base = `http://127.0.0.1:${port}`;
	for (const until = Date.now() + 180_000; ; ) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${out}`);
		try {
			if ((await fetch(`${base}/health`)).ok) return { base, child, exited, output: () => out };
		} catch {
			if (Date.now() > until) throw new Error(`the server did not start:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}
