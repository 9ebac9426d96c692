// Limits on attempts (sign-in codes, contact forms, letter codes …) through rate-limiter-flexible: in memory for one
// process, or in Redis shared by every process when REDIS_URL is set.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

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

/** A limiter over one store: one rate-limiter-flexible limiter per (max, window), made when first asked for. */
function limiterOver(make: (points: number, duration: number) => RateLimiterAbstract, close: () => Promise<void>): RateLimiter {
	const limiters = new Map<string, RateLimiterAbstract>();
	return {
		async hit(key, max, windowSeconds) {
			const name = `${max}/${windowSeconds}`;
			let limiter = limiters.get(name);
			if (!limiter) {
				limiter = make(max, windowSeconds);
				limiters.set(name, limiter);
			}
			try {
				await limiter.consume(key);
				return true;
			} catch (refusal) {
				if (refusal instanceof RateLimiterRes) return false;
				throw refusal;
			}
		},
		close,
	};
}

/** A limiter for one process: fine for the embedded database, not shared between processes. */
export function memoryRateLimiter(): RateLimiter {
	return limiterOver((points, duration) => new RateLimiterMemory({ points, duration }), async () => undefined);
}

/** A limiter shared by every process through Redis, for scale-out. */
export function redisRateLimiter(url: string): RateLimiter {
	const redis = new Redis(url, { maxRetriesPerRequest: 2 });
	return limiterOver(
		(points, duration) => new RateLimiterRedis({ storeClient: redis, keyPrefix: `medskapa:rl:${points}/${duration}`, points, duration }),
		async () => {
			await redis.quit();
		},
	);
}

/** Makes the limiter available to services as app.rateLimiter. */
export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: { redisUrl?: string }) => {
	const limiter = opts.redisUrl ? redisRateLimiter(opts.redisUrl) : memoryRateLimiter();
	app.decorate("rateLimiter", limiter);
	app.addHook("onClose", () => limiter.close());
});
