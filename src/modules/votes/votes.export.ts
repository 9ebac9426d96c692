import type { Cell, SheetTable } from "../../lib/spreadsheet.js";
import { shortAddress } from "./votes.letters.js";
import type { AddressedLetter, VoteResults } from "./votes.service.js";

/** The results as a table: one row per proposal, blank, one per channel and the turnout; counts and shares are numbers. */
export function resultsTable(r: VoteResults, name: string): SheetTable {
	const rows: Cell[][] = [];
	if (r.visible) {
		for (const o of r.options) rows.push(["proposal", String(o.position), o.title, o.votes, Number(o.share.toFixed(4))]);
		rows.push(["blank", "", "", r.blank, null]);
		for (const c of r.perChannel) rows.push(["channel", c.channel, c.verified ? "verified" : "unverified", c.ballots, null]);
		rows.push(["turnout", r.eligibleFrom, "", r.received, Number(r.turnout.toFixed(4))]);
	}
	return { name, header: ["kind", "key", "title", "votes", "share"], rows };
}

/** The results as JSON, for anyone who wants to check or reuse them. */
export function resultsJson(r: VoteResults) {
	return {
		vote: { id: r.vote.id, title: r.vote.title, opensAt: r.vote.opensAt.toISOString(), closesAt: r.vote.closesAt.toISOString(), advisory: r.vote.advisory, maxChoices: r.vote.maxChoices, channels: r.channels },
		visible: r.visible,
		final: r.final,
		options: r.visible ? r.options.map((o) => ({ position: o.position, proposalId: o.proposalId, title: o.title, subtext: o.subtext, votes: o.votes, share: o.share })) : [],
		blank: r.visible ? r.blank : null,
		ballots: r.visible ? r.ballots : null,
		received: r.visible ? r.received : null,
		notYetCounted: r.visible ? r.notYetCounted : null,
		perChannel: r.visible ? r.perChannel : [],
		eligible: r.eligible,
		eligibleFrom: r.eligibleFrom,
		turnout: r.visible ? r.turnout : null,
		winner: r.visible && r.winner ? r.winner.position : null,
		tie: r.visible ? r.tie.map((o) => o.position) : [],
		auditHash: r.auditHash,
	};
}

/**
 * Addressed letters for a print shop's mail merge: a header row, then per letter the coordinator's columns, the code and
 * the letter's short address; no personal number.
 */
export function addressedTable(letters: AddressedLetter[], columns: string[], base: string): SheetTable {
	return { name: "Brev", header: [...columns, "Kod", "Adress"], rows: letters.map((l) => [...columns.map((_, i) => l.address[i] ?? ""), l.code, shortAddress(base, l.code)]) };
}

/** Anonymous or personal letter codes for a print shop: batch, code and the letter's short address. */
export function codesTable(codes: { batch: number; code: string }[], base: string): SheetTable {
	return { name: "Koder", header: ["Omgång", "Kod", "Adress"], rows: codes.map((c) => [c.batch, c.code, shortAddress(base, c.code)]) };
}
