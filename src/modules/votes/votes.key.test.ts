// The vote key has no default in the code: a process that never set it cannot hash with a key anyone could know.
import assert from "node:assert/strict";
import { test } from "node:test";
import { codeHash, pinHash } from "./votes.crypto.js";

test("no vote key is built in: hashing before the configured key is set fails", () => {
	assert.throws(() => pinHash("198112189876"), /key/);
	assert.throws(() => codeHash("ABCDEFGHJKMN"), /key/);
});
