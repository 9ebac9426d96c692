import assert from "node:assert/strict";
import { test } from "node:test";
import type { Db } from "../db/client.js";
import { cachedRead, clearReadCache, configureReadCache, readCacheSize } from "./read-cache.js";

// The cache only uses the database handle as a key, so any object stands in for it here.
const fakeDb = () => ({}) as Db;

test("reads are served from memory within the time to live, and loaded again after a change", async () => {
	const db = fakeDb();
	configureReadCache(db, 60_000);
	let loads = 0;
	const load = async () => ++loads;
	assert.equal(await cachedRead(db, "k", load), 1);
	assert.equal(await cachedRead(db, "k", load), 1);
	clearReadCache(db);
	assert.equal(await cachedRead(db, "k", load), 2);
});

test("a stale entry is loaded again", async () => {
	const db = fakeDb();
	configureReadCache(db, 5);
	let loads = 0;
	await cachedRead(db, "k", async () => ++loads);
	await new Promise((r) => setTimeout(r, 20));
	assert.equal(await cachedRead(db, "k", async () => ++loads), 2);
});

test("a failed load is not kept", async () => {
	const db = fakeDb();
	configureReadCache(db, 60_000);
	await assert.rejects(cachedRead(db, "k", async () => Promise.reject(new Error("db down"))));
	assert.equal(await cachedRead(db, "k", async () => "ok"), "ok");
});

test("with a time to live of 0 every read goes to the database", async () => {
	const db = fakeDb();
	configureReadCache(db, 0);
	let loads = 0;
	await cachedRead(db, "k", async () => ++loads);
	assert.equal(await cachedRead(db, "k", async () => ++loads), 2);
});

test("the cache holds at most its bound: the least recently used entries go first", async () => {
	const db = fakeDb();
	configureReadCache(db, 60_000, 3);
	let loads = 0;
	for (const key of ["a", "b", "c"]) await cachedRead(db, key, async () => ++loads);
	await cachedRead(db, "a", async () => ++loads);
	await cachedRead(db, "d", async () => ++loads);
	assert.equal(readCacheSize(db), 3);
	assert.equal(loads, 4);
	await cachedRead(db, "b", async () => ++loads);
	assert.equal(loads, 5, "b, used least recently, was gone");
	await cachedRead(db, "a", async () => ++loads);
	assert.equal(loads, 5, "a, used recently, was kept");
});
