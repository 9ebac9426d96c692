// Short-lived caches per survey: its definition (read on every answer) and its result counts (costly over many
// answers). Unlike the public read cache they are not emptied by every write of the process (each answer is one),
// but forgotten per survey when the coordinator changes it; other processes sharing the database see a change
// within the time to live, and the database itself decides at each answer whether the survey still takes it.
import type { Db } from "../../db/client.js";

type Entry<V> = { until: number; value: Promise<V> };

const ttls = new WeakMap<Db, number>();

/** Sets how long survey definitions and result counts may be served from memory on this database (0: not at all). */
export function configureSurveyCaches(db: Db, ttlMs: number): void {
	ttls.set(db, ttlMs);
}

/** How long survey data may be served from memory on this database, in milliseconds. */
export function surveyCacheMs(db: Db): number {
	return ttls.get(db) ?? 0;
}

/** A cache of one kind of value per database and survey; a failed load is not kept. */
export function surveyCache<V>() {
	const stores = new WeakMap<Db, Map<string, Entry<V>>>();
	return {
		/** The cached value for a survey, loaded when missing or stale. */
		get(db: Db, surveyId: string, load: () => Promise<V>): Promise<V> {
			const ttl = surveyCacheMs(db);
			if (ttl <= 0) return load();
			let store = stores.get(db);
			if (!store) {
				store = new Map();
				stores.set(db, store);
			}
			const now = Date.now();
			const hit = store.get(surveyId);
			if (hit && hit.until > now) return hit.value;
			const value = load();
			const entries = store;
			entries.set(surveyId, { until: now + ttl, value });
			value.catch(() => entries.delete(surveyId));
			return value;
		},
		/** Forgets a survey's value, after a change. */
		forget(db: Db, surveyId: string): void {
			stores.get(db)?.delete(surveyId);
		},
	};
}
