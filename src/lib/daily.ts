// Jobs every process of the server runs once a day at a fixed hour (UTC); jobs that must run once for the whole
// installation take a lock inside (src/db/advisory-lock.ts).

type Log = { error(obj: object, msg: string): void };

/** Milliseconds from `now` until the next `hourUtc`:00 UTC. */
export function msUntilHour(now: Date, hourUtc: number): number {
	const at = new Date(now);
	at.setUTCHours(hourUtc, 0, 0, 0);
	if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
	return at.getTime() - now.getTime();
}

/** Runs `run` every day at hourUtc; a failure is logged and the next day comes anyway. Gives a function that stops it. */
export function scheduleDaily(name: string, hourUtc: number, run: () => Promise<void>, log: Log): () => void {
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	const schedule = () => {
		if (stopped) return;
		timer = setTimeout(async () => {
			try {
				await run();
			} catch (err) {
				log.error({ err }, `${name} failed`);
			} finally {
				schedule();
			}
		}, msUntilHour(new Date(), hourUtc));
		timer.unref();
	};
	schedule();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
