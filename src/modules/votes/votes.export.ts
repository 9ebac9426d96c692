import { csvDocument, csvQuotedRow } from "../../lib/csv.js";
import type { AddressedLetter, VoteResults } from "./votes.service.js";

/** The results as CSV: one row per proposal, then blank, per channel and turnout. */
export function resultsCsv(r: VoteResults): string {
	const rows: (string | number)[][] = [["kind", "key", "title", "votes", "share"]];
	if (r.visible) {
		for (const o of r.options) rows.push(["proposal", o.position, o.title, o.votes, o.share.toFixed(4)]);
		rows.push(["blank", "", "", r.blank, ""]);
		for (const c of r.perChannel) rows.push(["channel", c.channel, c.verified ? "verified" : "unverified", c.ballots, ""]);
		rows.push(["turnout", r.eligibleFrom, "", r.ballots, r.turnout.toFixed(4)]);
	}
	return `${rows.map(csvQuotedRow).join("\r\n")}\r\n`;
}

/** The results as JSON, for anyone who wants to check or reuse them. */
export function resultsJson(r: VoteResults) {
	return {
		vote: { id: r.vote.id, title: r.vote.title, opensAt: r.vote.opensAt.toISOString(), closesAt: r.vote.closesAt.toISOString(), advisory: r.vote.advisory, maxChoices: r.vote.maxChoices, channels: r.channels },
		visible: r.visible,
		final: r.final,
		options: r.visible ? r.options.map((o) => ({ position: o.position, title: o.title, subtext: o.subtext, votes: o.votes, share: o.share })) : [],
		blank: r.visible ? r.blank : null,
		ballots: r.visible ? r.ballots : null,
		perChannel: r.visible ? r.perChannel : [],
		eligible: r.eligible,
		eligibleFrom: r.eligibleFrom,
		turnout: r.visible ? r.turnout : null,
		winner: r.visible && r.winner ? r.winner.position : null,
		tie: r.visible ? r.tie.map((o) => o.position) : [],
		auditHash: r.auditHash,
	};
}

/** Addressed letters as CSV for a print shop's mail merge: the coordinator's columns, then the code; no personal number. */
export function addressedCsv(letters: AddressedLetter[]): string {
	return letters.map((l) => `${csvQuotedRow([...l.address, l.code])}\r\n`).join("");
}

/** Anonymous or personal letter codes as CSV for a print shop: batch, code and the voting page's address. */
export function codesCsv(codes: { batch: number; code: string }[], url: string): string {
	return csvDocument([["batch", "code", "url"], ...codes.map((c) => [String(c.batch), c.code, url])], ",");
}
