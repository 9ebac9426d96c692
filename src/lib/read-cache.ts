// A short-lived cache of public read models (start page, vision, focus areas …), per database.
// Public pages are read far more than written; caching them for a moment keeps a page at a few
// hundred microseconds. Writes through this process clear it at once; other processes sharing the
// same PostgreSQL see a change within the time to live. Bounded: the least recently used entries go first, so no
// stream of distinct keys grows the heap.
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";

type Cache = { ttlMs: number; entries: LRUCache<string, { value: unknown }> };

const caches = new WeakMap<Db, Cache>();

/** The most entries one database's cache holds: the public read models and their pages, in both languages, many times over. */
export const readCacheBound = 500;

/** Sets how long reads on this database may be served from memory (0 turns caching off). */
export function configureReadCache(db: Db, ttlMs: number, bound = readCacheBound): void {
	caches.set(db, { ttlMs, entries: new LRUCache({ max: bound, ttl: Math.max(ttlMs, 1) }) });
}

/** How many entries the cache of this database holds now. */
export function readCacheSize(db: Db): number {
	return caches.get(db)?.entries.size ?? 0;
}

/** Returns a cached value for key, loading it when missing or stale; a failed load is not kept. */
export function cachedRead<V>(db: Db, key: string, load: () => Promise<V>): Promise<V> {
	return cachedValue(db, key, () => {
		const value = load();
		value.catch(() => caches.get(db)?.entries.delete(key));
		return value;
	});
}

/** Returns a cached value for key, computing it when missing or stale, e.g. a public page's HTML rendered from cached reads. */
export function cachedValue<V>(db: Db, key: string, compute: () => V): V {
	const cache = caches.get(db);
	if (!cache || cache.ttlMs <= 0) return compute();
	const hit = cache.entries.get(key);
	if (hit) return hit.value as V;
	const value = compute();
	cache.entries.set(key, { value });
	return value;
}

/** Forgets every cached read on this database, after a change. */
export function clearReadCache(db: Db): void {
	caches.get(db)?.entries.clear();
}
