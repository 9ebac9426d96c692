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
		const hits = [];
		for (let i = 0; i < 5; i++) hits.push(await limiter.hit(key, 3, 60));
		assert.deepEqual(hits, [true, true, true, false, false]);
		assert.equal(await limiter.hit(`test:${randomUUID()}`, 3, 60), true, "another key has its own count");
		assert.equal(await limiter.hit(key, 10, 86_400), true, "a limit per day counts apart from one per minute");
	});

	test(`${name}: a new window allows again`, async () => {
		const key = `test:${randomUUID()}`;
		assert.equal(await limiter.hit(key, 1, 1), true);
		assert.equal(await limiter.hit(key, 1, 1), false);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		assert.equal(await limiter.hit(key, 1, 1), true);
	});
}
