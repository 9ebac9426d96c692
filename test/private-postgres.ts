// A PostgreSQL cluster of a test's own, in a temporary directory on a free port: a test may stop and restart it without
// disturbing the machine's shared server. Needs the server binaries (initdb, pg_ctl) of the postgresql package.
import { execFile as execFileCallback, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { promisify } from "node:util";
import { freePort } from "./server-process.js";

const execFile = promisify(execFileCallback);
const binRoot = "/usr/lib/postgresql";

/** A running private cluster: its server URL (trust authentication, user postgres) and its controls. */
export type PrivatePostgres = {
	serverUrl: string;
	/** `pg_ctl restart -m fast`: ends every session, as a restart or fail-over of the real server does. */
	restart(): Promise<void>;
};

/** The newest installed PostgreSQL's bin directory; throws a clear message when there is none. */
function binDir(): string {
	const versions = existsSync(binRoot) ? readdirSync(binRoot).filter((v) => existsSync(join(binRoot, v, "bin", "pg_ctl"))) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest) {
		throw new Error(`This test needs the PostgreSQL server binaries (initdb, pg_ctl) in ${binRoot}/<version>/bin: install the postgresql package (apt-get install postgresql).`);
	}
	return join(binRoot, newest, "bin");
}

/** Starts a private cluster for the test file; it is stopped and deleted after the file. */
export async function privatePostgres(settings: Record<string, string> = {}): Promise<PrivatePostgres> {
	const bin = binDir();
	const dir = mkdtempSync(join(tmpdir(), "medskapa-pg-"));
	// PostgreSQL refuses to run as root (the CI's user): then the cluster belongs to the postgres user.
	const asRoot = process.getuid?.() === 0;
	if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
	const run = (tool: string, args: string[]) =>
		asRoot ? execFile("runuser", ["-u", "postgres", "--", join(bin, tool), ...args]) : execFile(join(bin, tool), args);
	const data = join(dir, "data");
	const port = await freePort();
	await run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
	const options = Object.entries({ port: String(port), listen_addresses: "127.0.0.1", unix_socket_directories: dir, ...settings })
		.map(([name, value]) => `-c ${name}=${value}`)
		.join(" ");
	const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-t", "60", ...args]);
	await pgCtl("-o", options, "start");
	after(async () => {
		await pgCtl("-m", "immediate", "stop").catch(() => undefined);
		rmSync(dir, { recursive: true, force: true });
	});
	return {
		serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
		restart: async () => {
			await pgCtl("-m", "fast", "restart");
		},
	};
}
