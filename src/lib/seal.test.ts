import assert from "node:assert/strict";
import { test } from "node:test";
import * as eid from "../modules/eid/eid.seal.js";
import * as votes from "../modules/votes/votes.crypto.js";
import { seal, sealingKey, unseal } from "./seal.js";

const key = sealingKey("test:a key for this test");

/** The same sealed value with its authentication tag cut to four bytes. */
const shortTag = (sealed: string) => {
	const [iv, tag, body] = sealed.split(".");
	return [iv, Buffer.from(tag!, "base64url").subarray(0, 4).toString("base64url"), body].join(".");
};

test("a sealed text opens with its key, and not with another, nor changed", () => {
	const sealed = seal(key, "ABCD-EFGH-JKMN");
	assert.equal(unseal(key, sealed), "ABCD-EFGH-JKMN");
	assert.notEqual(seal(key, "ABCD-EFGH-JKMN"), sealed, "a fresh nonce each time");
	assert.throws(() => unseal(sealingKey("test:another key"), sealed));
	const [iv, tag, body] = sealed.split(".");
	const flipped = Buffer.from(body!, "base64url");
	flipped[0]! ^= 1;
	assert.throws(() => unseal(key, [iv, tag, flipped.toString("base64url")].join(".")));
	assert.throws(() => unseal(key, "not.sealed"));
});

test("a value whose tag was cut to four bytes does not open, wherever Medskapa seals", () => {
	assert.throws(() => unseal(key, shortTag(seal(key, "x"))));
	votes.setVoteKey("test:a vote key of at least thirty-two characters");
	assert.throws(() => votes.unseal(shortTag(votes.seal("ABCD-EFGH-JKMN"))));
	const secret = "test:a session secret of at least thirty-two characters";
	assert.equal(eid.unseal(secret, "flow", shortTag(eid.seal(secret, "flow", { a: 1 }, 60_000))), null);
	assert.deepEqual(eid.unseal(secret, "flow", eid.seal(secret, "flow", { a: 1 }, 60_000)), { a: 1 });
});
