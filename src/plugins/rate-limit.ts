// Limits on attempts (sign-in codes, contact forms, letter codes …) through rate-limiter-flexible: in memory for one
// process, or in Redis shared by every process when REDIS_URL is set.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { formatDateTime, type Lang } from "../i18n/i18n.js";
import { msg } from "../ui/messages.js";
import { noteRetryAt, retryAt } from "../ui/refusals.js";

/**
 * Counts attempts per key in fixed windows: refusedUntil() counts one and says from when the next will be allowed (null
 * when this one is), so that every refusal tells when to try again (see tryAgainFrom) and answers with Retry-After.
 */
export type RateLimiter = {
	refusedUntil(key: string, max: number, windowSeconds: number): Promise<Date | null>;
	close(): Promise<void>;
};

/** A limit's refusal as a message: the module's key, whose text says from when ({at}) the person may try again. */
export function tryAgainFrom(key: string, lang: Lang, until: Date): string {
	return msg(key, { at: formatDateTime(lang, until) });
}

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
			if (!(refusal instanceof RateLimiterRes)) throw refusal;
			const until = new Date(Date.now() + refusal.msBeforeNext);
			noteRetryAt(until);
			return until;
		}
	};
	return { refusedUntil, close };
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
	// Every refusal by a limit tells programs, too, when to try again.
	app.addHook("onSend", async (_req, reply) => {
		const at = retryAt();
		if (reply.statusCode === 429 && at) reply.header("retry-after", String(Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000))));
	});
});
