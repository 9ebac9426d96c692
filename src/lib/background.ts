const running = new Set<Promise<void>>();

/**
 * Runs work after the response without making the person wait; when it fails, `onFailure` records that (for the page
 * to show). If even that fails (the database closed, e.g. at shutdown), nothing is left to tell. Each job is kept
 * until it ends, so that those who must know nothing is still writing (tests, shutdown) can wait for it.
 */
export function inBackground(work: () => Promise<unknown>, onFailure: () => Promise<unknown>): void {
	const job: Promise<void> = work()
		.then(
			() => {},
			() => onFailure().then(() => {}),
		)
		.catch(() => {})
		.finally(() => running.delete(job));
	running.add(job);
}

/** Resolves once no background job is running, also those started by the jobs it waited for. */
export async function backgroundIdle(): Promise<void> {
	while (running.size > 0) await Promise.all(running);
}
