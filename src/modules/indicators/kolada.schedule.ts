// The server's daily Kolada sync. Every process schedules it; the advisory lock lets one of them run it.
import type { Database } from "../../db/client.js";
import { scheduleDaily } from "../../lib/daily.js";
import { syncFromKolada } from "./kolada.sync.js";

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Syncs the Kolada indicators every night at hourUtc (Kolada publishes in daytime); returns a function that stops it. */
export function scheduleDailyKoladaSync(database: Pick<Database, "db" | "kind">, options: { baseUrl: string; log: Log; hourUtc?: number }): () => void {
	const { baseUrl, log, hourUtc = 2 } = options;
	return scheduleDaily(
		"kolada sync",
		hourUtc,
		async () => {
			const report = await syncFromKolada(database, baseUrl);
			if (report === null) log.info({}, "kolada sync: another process is syncing");
			else if (report.failed.length) log.warn({ ...report, failed: report.failed.map((f) => `${f.kpi}: ${f.error}`) }, "kolada sync: some indicators failed");
			else log.info({ indicators: report.indicators, values: report.values, revised: report.revised }, "kolada sync done");
		},
		log,
	);
}
