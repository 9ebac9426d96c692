// Limits on attempts (sign-in codes, contact forms, letter codes …) through rate-limiter-flexible: in memory for one
// process, or in Redis shared by every process when REDIS_URL is set.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Counts attempts per key in fixed windows; hit() says whether one more attempt is allowed, refusedUntil() counts one
 * too and says from when the next will be allowed (null when this one is), for a message that tells when to try again.
 */
export type RateLimiter = {
	hit(key: string, max: number, windowSeconds: number): Promise<boolean>;
	refusedUntil(key: string, max: number, windowSeconds: number): Promise<Date | null>;
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
	const limiterFor = (max: number, windowSeconds: number): RateLimiterAbstract => {
		const name = `${max}/${windowSeconds}`;
		let limiter = limiters.get(name);
		if (!limiter) {
			limiter = make(max, windowSeconds);
			limiters.set(name, limiter);
		}
		return limiter;
	};
	const refusedUntil = async (key: string, max: number, windowSeconds: number): Promise<Date | null> => {
		try {
			await limiterFor(max, windowSeconds).consume(key);
			return null;
		} catch (refusal) {
			if (refusal instanceof RateLimiterRes) return new Date(Date.now() + refusal.msBeforeNext);
			throw refusal;
		}
	};
	return {
		refusedUntil,
		hit: async (key, max, windowSeconds) => (await refusedUntil(key, max, windowSeconds)) === null,
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
