import type { Database } from "../../db/client.js";

/** What /health answers: ok with the kind of database, or unavailable. */
export type Health = { status: "ok"; database: Database["kind"] } | { status: "unavailable" };

// A load balancer must get an answer even when the database hangs rather than fails.
const pingTimeoutMs = 2000;

/** Checks that the database answers a round trip in time. */
export async function checkHealth(database: Database): Promise<Health> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error("database ping timed out")), pingTimeoutMs);
	});
	try {
		await Promise.race([database.ping(), timeout]);
		return { status: "ok", database: database.kind };
	} catch {
		return { status: "unavailable" };
	} finally {
		clearTimeout(timer);
	}
}
