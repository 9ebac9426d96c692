// The baseline the database benchmarks compare against: pgbench's simple-insert rate on the same server.
import { execFileSync } from "node:child_process";

/** pgbench's simple-insert transactions per second (-N) on a scratch database it creates and drops. */
export function pgbenchTps(serverUrl: string, clients: number, seconds: number): number {
	const name = `medskapa_pgbench_${process.pid}`;
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	execFileSync("psql", [serverUrl, "-qc", `create database "${name}"`]);
	try {
		execFileSync("pgbench", ["-i", "-q", url.href], { stdio: "ignore" });
		const out = execFileSync("pgbench", ["-N", "-c", String(clients), "-j", "2", "-T", String(seconds), url.href], { encoding: "utf8" });
		const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
		if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
		return Number(tps);
	} finally {
		execFileSync("psql", [serverUrl, "-qc", `drop database if exists "${name}" with (force)`]);
	}
}
