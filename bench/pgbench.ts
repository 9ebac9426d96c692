// The baseline the database benchmarks compare against: pgbench's simple-insert rate on the same server.
import { execFileSync } from "node:child_process";

/** A scratch pgbench database: run -N against it as often as needed (e.g. in turns with the thing measured), then drop it. */
export function pgbenchDatabase(serverUrl: string): { tps(clients: number, seconds: number): number; drop(): void } {
	const name = `medskapa_pgbench_${process.pid}`;
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	execFileSync("psql", [serverUrl, "-qc", `create database "${name}"`]);
	execFileSync("pgbench", ["-i", "-q", url.href], { stdio: "ignore" });
	return {
		tps(clients, seconds) {
			const out = execFileSync("pgbench", ["-N", "-c", String(clients), "-j", "2", "-T", String(seconds), url.href], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
			const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
			if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
			return Number(tps);
		},
		drop() {
			execFileSync("psql", [serverUrl, "-qc", `drop database if exists "${name}" with (force)`]);
		},
	};
}

/** pgbench's simple-insert transactions per second (-N) on a scratch database it creates and drops. */
export function pgbenchTps(serverUrl: string, clients: number, seconds: number): number {
	const db = pgbenchDatabase(serverUrl);
	try {
		return db.tps(clients, seconds);
	} finally {
		db.drop();
	}
}
