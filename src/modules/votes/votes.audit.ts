// The append-only audit log of a vote: each entry's hash covers the previous hash, so a changed or removed row breaks the chain.
import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import * as repo from "./votes.repo.js";

/** Lifecycle events that go into the audit log. */
export type AuditEvent = "created" | "rollImported" | "codesIssued" | "opened" | "closedEarly" | "paperBatch" | "closed" | "resultsPublished";

const genesis = "0".repeat(64);

/** The hash of one entry: its content and the previous entry's hash. */
function entryHash(e: { voteId: string; seq: number; event: string; details: string; at: Date; prevHash: string }): string {
	return createHash("sha256").update(JSON.stringify([e.prevHash, e.voteId, e.seq, e.event, e.details, e.at.toISOString()])).digest("hex");
}

/** Appends an entry; call inside the transaction that makes the change, so the log and the change commit together. */
export async function appendAudit(tx: Db, voteId: string, event: AuditEvent, details: Record<string, unknown>): Promise<string> {
	await repo.lockVote(tx, voteId);
	const last = await repo.lastAudit(tx, voteId);
	const entry = { voteId, seq: (last?.seq ?? 0) + 1, event, details: JSON.stringify(details), at: new Date(), prevHash: last?.hash ?? genesis };
	const hash = entryHash(entry);
	await repo.insertAudit(tx, { ...entry, hash });
	return hash;
}

/** Checks a vote's chain; returns the problems found (empty when it holds). */
export async function verifyChain(db: Db, voteId: string): Promise<string[]> {
	const problems: string[] = [];
	let prev = genesis;
	let seq = 0;
	for (const e of await repo.listAudit(db, voteId)) {
		seq += 1;
		if (e.seq !== seq) problems.push(`entry ${e.seq}: expected sequence number ${seq} (an entry is missing)`);
		if (e.prevHash !== prev) problems.push(`entry ${e.seq}: previous hash does not match entry ${e.seq - 1}`);
		if (entryHash(e) !== e.hash) problems.push(`entry ${e.seq}: hash does not match its content (${e.event})`);
		prev = e.hash;
		seq = e.seq;
	}
	return problems;
}
