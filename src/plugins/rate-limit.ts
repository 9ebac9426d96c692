import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";

/** Counts attempts per key in fixed windows; hit() says whether one more attempt is allowed. */
export type RateLimiter = {
	hit(key: string, max: number, windowSeconds: number): Promise<boolean>;
	close(): Promise<void>;
};

declare module "fastify" {
	interface FastifyInstance {
		rateLimiter: RateLimiter;
	}
}

/** A limiter for one process: fine for the embedded database, not shared between processes. */
export function memoryRateLimiter(): RateLimiter {
	const windows = new Map<string, { count: number; resetAt: number }>();
	const sweep = setInterval(() => {
		const now = Date.now();
		for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
	}, 60_000);
	sweep.unref();
	return {
		async hit(key, max, windowSeconds) {
			const now = Date.now();
			let w = windows.get(key);
			if (!w || w.resetAt <= now) {
				w = { count: 0, resetAt: now + windowSeconds * 1000 };
				windows.set(key, w);
			}
			w.count += 1;
			return w.count <= max;
		},
		async close() {
			clearInterval(sweep);
		},
	};
}

/** A limiter shared by every process through Redis, for scale-out. */
export function redisRateLimiter(url: string): RateLimiter {
	const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
	return {
		async hit(key, max, windowSeconds) {
			const k = `medskapa:rl:${key}`;
			const [[, count]] = (await redis.multi().incr(k).expire(k, windowSeconds, "NX").exec()) as [[unknown, number]];
			return count <= max;
		},
		async close() {
			await redis.quit();
		},
	};
}

/** Makes the limiter available to services as app.rateLimiter. */
export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: { redisUrl?: string }) => {
	const limiter = opts.redisUrl ? redisRateLimiter(opts.redisUrl) : memoryRateLimiter();
	app.decorate("rateLimiter", limiter);
	app.addHook("onClose", () => limiter.close());
});
