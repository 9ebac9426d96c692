import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { backgroundIdle, inBackground } from "./background.js";

test("waiting for the background waits for every job, also one a job started", async () => {
	const done: string[] = [];
	inBackground(
		async () => {
			await sleep(20);
			done.push("first");
			inBackground(
				async () => {
					await sleep(20);
					done.push("second");
				},
				async () => {},
			);
		},
		async () => {},
	);
	await backgroundIdle();
	assert.deepEqual(done, ["first", "second"]);
});

test("a failed job is recorded as failed, and a failure to record it does not bring the process down", async () => {
	const recorded: string[] = [];
	inBackground(
		async () => {
			throw new Error("the run failed");
		},
		async () => {
			recorded.push("failed");
		},
	);
	inBackground(
		async () => {
			throw new Error("the run failed");
		},
		async () => {
			throw new Error("the database is closed");
		},
	);
	await backgroundIdle();
	assert.deepEqual(recorded, ["failed"]);
});
