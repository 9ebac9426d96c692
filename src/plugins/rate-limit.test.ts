// The limiter behind every limit on attempts, in both stores: memory (one process) and Redis (shared by processes).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, test } from "node:test";
import { memoryRateLimiter, type RateLimiter, redisRateLimiter } from "./rate-limit.js";

const stores: [string, RateLimiter][] = [
	["memory", memoryRateLimiter()],
	["Redis", redisRateLimiter(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379")],
];
after(async () => {
	for (const [, limiter] of stores) await limiter.close();
});

for (const [name, limiter] of stores) {
	test(`${name}: max attempts per key in a window, then refusals; other keys and other limits count apart`, async () => {
		const key = `test:${randomUUID()}`;
		const allowed = [];
		for (let i = 0; i < 5; i++) allowed.push((await limiter.refusedUntil(key, 3, 60)) === null);
		assert.deepEqual(allowed, [true, true, true, false, false]);
		const until = (await limiter.refusedUntil(key, 3, 60))?.getTime() ?? 0;
		assert.ok(until > Date.now() + 55_000 && until <= Date.now() + 60_000, "a refusal says when the window ends");
		assert.equal(await limiter.refusedUntil(`test:${randomUUID()}`, 3, 60), null, "another key has its own count");
		assert.equal(await limiter.refusedUntil(key, 10, 86_400), null, "a limit per day counts apart from one per minute");
	});

	test(`${name}: a new window allows again`, async () => {
		const key = `test:${randomUUID()}`;
		assert.equal(await limiter.refusedUntil(key, 1, 1), null);
		assert.notEqual(await limiter.refusedUntil(key, 1, 1), null);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		assert.equal(await limiter.refusedUntil(key, 1, 1), null);
	});
}
