import { randomInt } from "node:crypto";
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { fromStockholmLocal } from "../../i18n/stockholm-time.js";
import { isUuid } from "../../lib/ids.js";
import { looksLikeXlsx, readFirstSheet, type SheetRow } from "../../lib/spreadsheet.js";
import { ageOn, parsePersonalNumber } from "../../lib/personal-number.js";
import { HttpError, notFound } from "../../plugins/http-errors.js";
import { isUploadedFile } from "../../plugins/uploads.js";
import { type FormState, parseForm, withError } from "../../ui/forms.js";
import type { Viewer } from "../../ui/context.js";
import { actorOf, findProgrammeWithCoordinator, getProgramme } from "../programmes/index.js";
import { listProposals } from "../proposals/index.js";
import { appendAudit, verifyChain } from "./votes.audit.js";
import { type Channel, castBallot, forgetCachedVote, isOpen, VoteRefusal, voteChannels } from "./votes.cast.js";
import { codeHash, normaliseCode, pinHash, queuedReceiptHash, randomCode, receiptHash, seal, unseal } from "./votes.crypto.js";
import { mixAllQueued, mixSoon } from "./votes.mixing.js";
import { codesInput, rollInput, voteInput } from "./votes.input.js";
import { stepAllowed } from "./votes.stage.js";
import { authorize, mayShowResults } from "./votes.policy.js";
import * as repo from "./votes.repo.js";

/** A vote as people read it: its calendar days in Swedish time rather than instants. */
export type VoteSummary = {
	id: string;
	title: string;
	opensAt: Date;
	closesAt: Date;
	/** The first day the vote is open (YYYY-MM-DD, Europe/Stockholm). */
	firstDay: string;
	/** The last day the vote is open (YYYY-MM-DD, Europe/Stockholm). */
	lastDay: string;
	advisory: boolean;
	/** Whether the coordinator has opened the vote (its texts are frozen and its page is worth linking to). */
	opened: boolean;
	/** Whether the results are published. */
	resultsPublished: boolean;
};

/** The programme's latest vote, or null when none has been held. */
export async function latestVote(db: Db, programmeId: string): Promise<VoteSummary | null> {
	const vote = await repo.findLatestVote(db, programmeId);
	return vote ? summary(vote) : null;
}

/** The newest vote that has closed with this proposal on its ballot (the vote a vision adopted from it came out of), or null. */
export async function voteBehindProposal(db: Db, programmeId: string, proposalId: string, now = new Date()): Promise<VoteSummary | null> {
	const vote = await repo.findClosedVoteWithProposal(db, programmeId, proposalId, now);
	return vote ? summary(vote) : null;
}

/** The proposals on a vote's ballot. */
export async function ballotProposalIds(db: Db, voteId: string): Promise<string[]> {
	return (await repo.listOptions(db, voteId)).flatMap((o) => (o.proposalId ? [o.proposalId] : []));
}

function summary(vote: repo.Vote): VoteSummary {
	return {
		id: vote.id,
		title: vote.title,
		opensAt: vote.opensAt,
		closesAt: vote.closesAt,
		firstDay: todayInSweden(vote.opensAt),
		// A vote that closes at midnight is last open the day before, so "8–20 januari" and not "8–21".
		lastDay: todayInSweden(new Date(vote.closesAt.getTime() - 1)),
		advisory: vote.advisory,
		opened: vote.frozenAt !== null,
		resultsPublished: vote.resultsPublishedAt !== null,
	};
}

/** A vote by id, or a 404. */
async function voteOr404(db: Db, id: string): Promise<repo.Vote> {
	const vote = isUuid(id) ? await repo.findVote(db, id) : undefined;
	if (!vote) throw notFound();
	return vote;
}

/** The coordinator's list of votes and the proposals a new vote would put on the ballot. */
export async function votesForAdmin(db: Db, viewer: Viewer | null) {
	authorize(await actorOf(db, viewer), "see");
	const programme = await getProgramme(db);
	return { votes: await repo.listVotes(db, programme.id), proposals: await listProposals(db, programme.id) };
}

/** Creates a vote on the programme's current proposals, copying their texts as the ballot options. */
export async function createVote(db: Db, viewer: Viewer | null, body: unknown, options: { eidAvailable: boolean }): Promise<{ ok: true; id: string } | { ok: false; state: FormState }> {
	authorize(await actorOf(db, viewer), "create");
	const programme = await getProgramme(db);
	const parsed = parseForm(voteInput, body);
	if (!parsed.ok) return parsed;
	const v = parsed.data;
	if (v.chEid && !options.eidAvailable) return { ok: false, state: withError(body as Record<string, unknown>, "chEid", "vote.error.eidNotConfigured") };
	const opensAt = fromStockholmLocal(v.opensAt);
	const closesAt = fromStockholmLocal(v.closesAt);
	if (closesAt <= opensAt) return { ok: false, state: withError(body as Record<string, unknown>, "closesAt", "vote.error.closesBeforeOpens") };
	const proposals = await listProposals(db, programme.id);
	if (proposals.length === 0) return { ok: false, state: withError(body as Record<string, unknown>, "title", "vote.error.noProposals") };
	const chosen: Channel[] = [];
	if (v.chEid) chosen.push("eid");
	if (v.chCode) chosen.push("code");
	if (v.chPaper) chosen.push("paper");
	if (v.chEmail) chosen.push("email");
	const id = await db.transaction(async (tx) => {
		const vote = await repo.insertVote(
			tx,
			{ programmeId: programme.id, title: v.title, opensAt, closesAt, advisory: v.advisory === "advisory", maxChoices: v.maxChoices, blankAllowed: v.blankAllowed, resultsBeforeClose: v.resultsBeforeClose, channels: chosen.join(","), minAge: v.minAge },
			proposals.map((p, i) => ({ proposalId: p.id, position: i + 1, title: p.title, subtext: p.subtext })),
		);
		await appendAudit(tx, vote.id, "created", { options: proposals.length, maxChoices: v.maxChoices, channels: chosen, opensAt, closesAt });
		return vote.id;
	});
	return { ok: true, id };
}

/** One vote with what its administration page shows. */
export async function voteForAdmin(db: Db, viewer: Viewer | null, id: string) {
	authorize(await actorOf(db, viewer), "see");
	const vote = await voteOr404(db, id);
	const [options, rollSize, counts, audit] = await Promise.all([repo.listOptions(db, vote.id), repo.rollSize(db, vote.id), repo.markAndBallotCounts(db, vote.id), repo.listAudit(db, vote.id)]);
	return { vote, options, rollSize, counts, audit, channels: voteChannels(vote) };
}

/** Opens a vote for ballots: the option texts are copied once more from the proposals and frozen from now on. */
export async function openVote(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	authorize(await actorOf(db, viewer), "changeStage");
	const vote = await voteOr404(db, id);
	if (vote.frozenAt) return;
	const programme = await getProgramme(db);
	const proposals = new Map((await listProposals(db, programme.id)).map((p) => [p.id, p]));
	await db.transaction(async (tx) => {
		const options = await repo.listOptions(tx, vote.id);
		for (const o of options) {
			const p = o.proposalId ? proposals.get(o.proposalId) : undefined;
			if (p) await repo.updateOptionText(tx, o.id, p.title, p.subtext);
		}
		await repo.updateVote(tx, vote.id, { frozenAt: new Date() });
		await appendAudit(tx, vote.id, "opened", { options: options.length, rollSize: await repo.rollSize(tx, vote.id) });
	});
}

/**
 * Ends the voting period now instead of at its planned close: no more ballots on the web, paper slips cast in the period
 * may still be entered, and the results can be published. Refused unless the vote is taking ballots.
 */
export async function closeEarly(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	authorize(await actorOf(db, viewer), "changeStage");
	const vote = await voteOr404(db, id);
	const closed = await db.transaction(async (tx) => {
		const locked = await repo.lockVote(tx, vote.id);
		if (!locked || !stepAllowed(locked, "close")) return false;
		const closesAt = await repo.closeNow(tx, vote.id);
		await appendAudit(tx, vote.id, "closedEarly", { closesAt, planned: locked.closesAt });
		return true;
	});
	if (!closed) throw wrongStage("vote.close.notVoting");
	forgetCachedVote(db, vote.id);
}

/** Deletes a vote that has not been opened (nobody can have voted in it), with its roll, codes and log. */
export async function deleteVote(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	authorize(await actorOf(db, viewer), "changeStage");
	const vote = await voteOr404(db, id);
	const deleted = await db.transaction(async (tx) => {
		const locked = await repo.lockVote(tx, vote.id);
		if (!locked || !stepAllowed(locked, "delete")) return false;
		await repo.deleteVote(tx, vote.id);
		return true;
	});
	if (!deleted) throw wrongStage("vote.delete.opened");
}

/** A step the vote's stage does not allow (closing a vote that is not taking ballots, deleting an opened one). */
const wrongStage = (messageKey: string) => new HttpError(409, messageKey, "vote.admin.wrongStageTitle");

/** Refuses a change to the roll, codes or paper ballots once the results are published: the vote is over. */
function refusedWhenPublished(vote: repo.Vote, body: unknown, field: string): FormState | null {
	return vote.resultsPublishedAt ? withError((body ?? {}) as Record<string, unknown>, field, "vote.admin.publishedNoChanges") : null;
}

/** A rejected CSV row: its 1-based number and a message key, never the personal identity number. */
export type RejectedRow = { row: number; reason: string };

/** The outcome of a roll import: how many were added, or every rejected row with its reason. */
export type RollImport = { ok: true; added: number; total: number } | { ok: false; state: FormState; rejected: RejectedRow[] };

/**
 * Imports a voter roll from CSV: a personal identity number first on each row (a header row is allowed), 10 or 12
 * digits. Only keyed hashes are stored. One bad row rejects the whole file, and nothing is stored.
 */
export async function importRoll(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<RollImport> {
	authorize(await actorOf(db, viewer), "importRoll");
	const vote = await voteOr404(db, id);
	const over = refusedWhenPublished(vote, body, "csv");
	if (over) return { ok: false, state: over, rejected: [] };
	const sent = await sentRows(body);
	if (!sent.ok) return { ok: false, state: sent.state, rejected: [] };
	const refused = (messageKey: string, rejected: RejectedRow[] = []) => ({ ok: false as const, state: withError(body as Record<string, unknown>, sent.sent.field, messageKey), rejected });
	const sheet = rollSheet(sent.sent);
	if (!sheet) return refused("vote.roll.unreadable");
	const { hashes, rejected } = parseRoll(rollRows(sheet), vote);
	if (rejected.length) return refused("vote.roll.rejectedRows", rejected);
	if (hashes.length === 0) return refused("vote.roll.empty");
	const added = await db.transaction(async (tx) => {
		// Once the vote is open the roll stays as it is: who may vote, and as whom, cannot change under the voters.
		if ((await repo.lockVote(tx, vote.id))?.frozenAt) return null;
		// In random order, so the roll's place in the table does not follow the coordinator's file.
		const n = await repo.insertRoll(tx, vote.id, shuffled(hashes));
		await appendAudit(tx, vote.id, "rollImported", { rows: hashes.length, added: n });
		return n;
	});
	if (added === null) return refused("vote.roll.opened");
	return { ok: true, added, total: await repo.rollSize(db, vote.id) };
}

/** A copy in random order (Fisher–Yates with the system's generator). */
function shuffled<T>(items: T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** The largest roll or paper file taken, as large as the text box takes (a municipality's roll of 50 000 fits well). */
export const maxRollFileBytes = 5_000_000;

/** What a roll or paper form sent: a chosen file's text or first sheet, else the pasted text; `field` is where its errors go. */
type Sent = { field: "csv" | "file"; text: string } | { field: "file"; sheet: SheetRow[] };

/**
 * Reads what the form sent: a chosen file (CSV, or an .xlsx whose first sheet has the same columns) wins over the text
 * box. A file that is neither, or has no rows, is refused on the file field, before anything is stored.
 */
async function sentRows(body: unknown): Promise<{ ok: true; sent: Sent } | { ok: false; state: FormState }> {
	const file = (body as Record<string, unknown> | undefined)?.file;
	if (!isUploadedFile(file) || (file.data.length === 0 && !file.fileName)) {
		const parsed = parseForm(rollInput, body);
		return parsed.ok ? { ok: true, sent: { field: "csv", text: parsed.data.csv } } : parsed;
	}
	const refused = (key: string) => ({ ok: false as const, state: withError(body as Record<string, unknown>, "file", key) });
	if (file.tooLarge) return refused("vote.file.tooLarge");
	if (looksLikeXlsx(file.data, file.fileName)) {
		const sheet = await readFirstSheet(file.data);
		if (!sheet) return refused("vote.file.unreadable");
		return sheet.length ? { ok: true, sent: { field: "file", sheet } } : refused("vote.file.empty");
	}
	const text = fileText(file.data);
	if (text === null) return refused("vote.file.unreadable");
	return text.trim() ? { ok: true, sent: { field: "file", text } } : refused("vote.file.empty");
}

/** A CSV file's text: UTF-8, else Windows-1252 (what Swedish Excel saves); null when control characters show it is no text. */
function fileText(data: Buffer): string | null {
	let text: string;
	try {
		text = new TextDecoder("utf-8", { fatal: true }).decode(data);
	} catch {
		text = new TextDecoder("windows-1252").decode(data);
	}
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
	return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text) ? null : text;
}

/**
 * Every row of a sent roll: a sheet's as they are, CSV text's split on comma, semicolon or tab (quoted cells may hold
 * any of them); null when the text cannot be read as CSV (a quote never closed).
 */
function rollSheet(sent: Sent): SheetRow[] | null {
	if ("sheet" in sent) return sent.sheet;
	try {
		const records = parseCsv(sent.text, { delimiter: [",", ";", "\t"], relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
		return records.map(({ record, info }) => ({ row: info.lines, cells: record }));
	} catch (err) {
		if (err instanceof CsvError) return null;
		throw err;
	}
}

/** One row of a roll: its row number in the file and its cells, the number first. */
type RollRow = { row: number; cells: [string, ...string[]] };

/** Whether a row is a header: the first row, with no digit in its first cell. */
const isHeader = (sheet: SheetRow[], row: SheetRow) => row === sheet[0] && !/\d/.test(row.cells[0] ?? "");

/** The roll's rows with a number cell, without empty rows and a header row. */
function rollRows(sheet: SheetRow[]): RollRow[] {
	return sheet.filter((r): r is RollRow => (r.cells[0] ?? "") !== "" && !isHeader(sheet, r));
}

/** The names of a roll's columns after the number, from its header row when it has one, else "Kolumn 2" … */
function columnNames(sheet: SheetRow[], width: number): string[] {
	const header = sheet[0] && isHeader(sheet, sheet[0]) ? sheet[0].cells.slice(1) : [];
	return Array.from({ length: width }, (_, i) => header[i] || `Kolumn ${i + 2}`);
}

/** Reads roll rows; the first cell of each is the number. Rejections name the row and a message key, never the number. */
function parseRoll(rows: RollRow[], vote: Pick<repo.Vote, "minAge" | "closesAt">): { hashes: string[]; rejected: RejectedRow[] } {
	const hashes: string[] = [];
	const rejected: RejectedRow[] = [];
	const seen = new Set<string>();
	for (const { row, cells } of rows) {
		const pn = parsePersonalNumber(cells[0], vote.closesAt);
		const hash = pn.ok ? pinHash(pn.value.pin) : "";
		const reason = !pn.ok
			? `vote.roll.reason.${pn.reason}`
			: vote.minAge !== null && ageOn(pn.value.birthDate, vote.closesAt) < vote.minAge
				? "vote.roll.reason.tooYoung"
				: seen.has(hash)
					? "vote.roll.reason.duplicate"
					: null;
		if (reason) rejected.push({ row, reason });
		else {
			seen.add(hash);
			hashes.push(hash);
		}
	}
	return { hashes, rejected };
}

/** Issues letter codes: one for each roll entry without one, or `count` anonymous codes when the vote has no roll. */
export async function issueCodes(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<{ ok: true; batch: number; issued: number } | { ok: false; state: FormState }> {
	authorize(await actorOf(db, viewer), "issueCodes");
	const vote = await voteOr404(db, id);
	const over = refusedWhenPublished(vote, body, "count");
	if (over) return { ok: false, state: over };
	const rollSize = await repo.rollSize(db, vote.id);
	let count = 0;
	if (rollSize === 0) {
		const parsed = parseForm(codesInput, body);
		if (!parsed.ok) return parsed;
		count = parsed.data.count;
	}
	return db.transaction(async (tx) => {
		const batch = await repo.nextCodeBatch(tx, vote.id);
		const targets: (string | null)[] = rollSize ? (await repo.rollWithoutCode(tx, vote.id)).map((r) => r.id) : Array.from({ length: count }, () => null);
		const rows = targets.map((rollId) => {
			const code = randomCode(12);
			return { voteId: vote.id, codeHash: codeHash(normaliseCode(code)), sealed: seal(code), rollId, batch };
		});
		await repo.insertCodes(tx, rows);
		await appendAudit(tx, vote.id, "codesIssued", { batch, issued: rows.length, personal: rollSize > 0 });
		return { ok: true as const, batch, issued: rows.length };
	});
}

/** A vote's letter codes in the clear, for the print shop (CSV or printable letters); coordinator only. */
export async function codesForPrint(db: Db, viewer: Viewer | null, id: string) {
	authorize(await actorOf(db, viewer), "printCodes");
	const vote = await voteOr404(db, id);
	const codes = (await repo.listSealedCodes(db, vote.id)).map((c) => ({ code: unseal(c.sealed), batch: c.batch }));
	return { vote, codes, sender: await letterSender(db) };
}

/** Who the letters come from: the coordinating organisation (the municipality), else the programme. */
async function letterSender(db: Db): Promise<string> {
	const found = await findProgrammeWithCoordinator(db);
	return found?.coordinatorName ?? found?.programme.name ?? "";
}

/**
 * The vote a letter's short address leads to: the one, among those whose results are not yet published, that issued
 * the code. Null when none did (a mistyped code, or a vote that is over).
 */
export async function voteForLetterCode(db: Db, code: string): Promise<repo.Vote | null> {
	const programme = await getProgramme(db);
	const hash = codeHash(code);
	for (const vote of (await repo.listVotes(db, programme.id)).filter((v) => !v.resultsPublishedAt)) {
		if (await repo.findCode(db, vote.id, hash)) return vote;
	}
	return null;
}

/** One addressed letter: the columns the coordinator sent after the number (name, address …) and the person's code. */
export type AddressedLetter = { address: string[]; code: string };

/**
 * Pairs personal letter codes with addresses for printing: the coordinator sends the roll again with its other
 * columns (name, address); each row comes back as those columns and the person's code, without the personal number.
 * Names and addresses live only in this request and its answer (a print-shop CSV or printable letters): never stored.
 */
export async function addressedLetters(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<{ ok: true; vote: repo.Vote; letters: AddressedLetter[]; columns: string[]; sender: string } | { ok: false; state: FormState; rejected: RejectedRow[] }> {
	authorize(await actorOf(db, viewer), "printCodes");
	const vote = await voteOr404(db, id);
	const over = refusedWhenPublished(vote, body, "csv");
	if (over) return { ok: false, state: over, rejected: [] };
	const sent = await sentRows(body);
	if (!sent.ok) return { ok: false, state: sent.state, rejected: [] };
	const sheet = rollSheet(sent.sent);
	if (!sheet) return { ok: false, state: withError(body as Record<string, unknown>, sent.sent.field, "vote.roll.unreadable"), rejected: [] };
	const rows = rollRows(sheet).map((r) => {
		const pn = parsePersonalNumber(r.cells[0], vote.closesAt);
		return { ...r, pn, hash: pn.ok ? pinHash(pn.value.pin) : null };
	});
	const codes = await repo.sealedCodesByPinHash(db, vote.id, rows.flatMap((r) => (r.hash ? [r.hash] : [])));
	const letters: AddressedLetter[] = [];
	const rejected: RejectedRow[] = [];
	for (const { row, cells, pn, hash } of rows) {
		const sealed = hash ? codes.get(hash) : undefined;
		if (!sealed) rejected.push({ row, reason: !pn.ok ? `vote.roll.reason.${pn.reason}` : sealed === null ? "vote.letters.noCode" : "vote.refusal.notOnRoll" });
		else letters.push({ address: cells.slice(1), code: unseal(sealed) });
	}
	if (rejected.length) return { ok: false, state: withError(body as Record<string, unknown>, sent.sent.field, "vote.roll.rejectedRows"), rejected };
	const columns = columnNames(sheet, Math.max(0, ...letters.map((l) => l.address.length)));
	return { ok: true, vote, letters, columns, sender: await letterSender(db) };
}

/** The outcome of a paper batch: stored, or the rows refused and why (then nothing is stored). */
export type PaperBatch = { ok: true; entered: number } | { ok: false; state: FormState; rejected: RejectedRow[] };

/**
 * Enters a batch of paper ballots, one per line: the voter's personal identity number, then the chosen proposals'
 * positions (1–N, separated by spaces) or "blank". Each voter is marked like any other, so they cannot also vote on the
 * web. The whole batch is one transaction: one refused line stores nothing.
 */
export async function enterPaperBatch(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<PaperBatch> {
	authorize(await actorOf(db, viewer), "enterPaper");
	const vote = await voteOr404(db, id);
	const over = refusedWhenPublished(vote, body, "csv");
	if (over) return { ok: false, state: over, rejected: [] };
	const sent = await sentRows(body);
	if (!sent.ok) return { ok: false, state: sent.state, rejected: [] };
	const options = await repo.listOptions(db, vote.id);
	const lines = paperLines(sent.sent).filter((l) => l.cells.length);
	if (lines.length === 0) return { ok: false, state: withError(body as Record<string, unknown>, sent.sent.field, "vote.file.empty"), rejected: [] };
	const rejected: RejectedRow[] = [];
	let entered = 0;
	try {
		await db.transaction(async (tx) => {
			// The vote's lock before anything is stored: publishing cannot commit between this batch's ballots, and a
			// second batch waits for this one. Web ballots go on meanwhile (the lock leaves their foreign keys alone).
			await repo.lockVote(tx, vote.id, "no key update");
			for (const line of inVoterOrder(lines)) {
				const [pin, ...rest] = line.cells as [string, ...string[]];
				const blank = rest.length === 1 && rest[0]?.toLowerCase() === "blank";
				const choices = blank ? [] : rest.map((n) => options.find((o) => String(o.position) === n)?.id ?? `unknown:${n}`);
				try {
					await castBallot(tx, { voteId: vote.id, channel: "paper", voter: { pin }, choices, blank });
					entered += 1;
				} catch (err) {
					if (!(err instanceof VoteRefusal)) throw err;
					rejected.push({ row: line.row, reason: paperReason(err.messageKey) });
				}
			}
			if (rejected.length) throw new BatchRefused();
			await appendAudit(tx, vote.id, "paperBatch", { ballots: entered });
		});
	} catch (err) {
		if (err instanceof BatchRefused) return { ok: false, state: withError(body as Record<string, unknown>, sent.sent.field, "vote.paper.rejectedRows"), rejected: rejected.sort((a, b) => a.row - b.row) };
		throw err;
	}
	mixSoon(db, vote.id);
	return { ok: true, entered };
}

class BatchRefused extends Error {}

/**
 * A paper batch's ballots, one a row: the number, then the choices, split on spaces, commas or semicolons (in a sheet
 * within a cell or across cells). Empty rows are left out, and a sheet's header row (typed text has none).
 */
function paperLines(sent: Sent): SheetRow[] {
	const split = (cells: string[]) => cells.flatMap((c) => c.trim().split(/[\s;,]+/)).filter(Boolean);
	if ("sheet" in sent) return sent.sheet.filter((r) => !isHeader(sent.sheet, r)).map((r) => ({ row: r.row, cells: split(r.cells) }));
	return sent.text.split(/\r?\n/).map((l, i) => ({ row: i + 1, cells: split([l]) }));
}

/** Refusals the voter reads as "du …"; the official entering paper reads them about the person on the slip. */
const paperWordings = new Set(["vote.refusal.alreadyVoted", "vote.refusal.notOnRoll", "vote.refusal.tooYoung", "vote.refusal.noChoice", "vote.refusal.tooMany"]);

/** A refused paper line's reason as the official reads it. */
function paperReason(messageKey: string): string {
	return paperWordings.has(messageKey) ? messageKey.replace("vote.refusal.", "vote.paper.reason.") : messageKey;
}

/**
 * A batch's lines in the order of their voters' keyed hashes rather than as typed: every batch marks its voters in one
 * order, so two batches with the same people never wait for each other crosswise, and the order of the stored paper
 * ballots says nothing about the official's list. Unreadable numbers come first (they are refused anyway).
 */
function inVoterOrder<T extends { cells: string[] }>(lines: T[]): T[] {
	const key = (line: T) => {
		const pn = parsePersonalNumber(line.cells[0] ?? "");
		return pn.ok ? pinHash(pn.value.pin) : "";
	};
	return lines
		.map((line) => ({ line, key: key(line) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map((l) => l.line);
}

/** Closes a vote after its period and publishes the totals into the audit log. */
export async function publishResults(db: Db, viewer: Viewer | null, id: string): Promise<void> {
	authorize(await actorOf(db, viewer), "changeStage");
	const vote = await voteOr404(db, id);
	if (new Date() < vote.closesAt) throw wrongStage("vote.publish.notClosed");
	if (vote.resultsPublishedAt) return;
	await publish(db, vote);
	await repo.compactBallotTables(db, { whileVoting: await repo.otherVotesTakingBallots(db, vote.id) });
}

/**
 * Records the close and the published totals of a historical vote past its close (the demo's), whose ballots were
 * loaded in bulk rather than cast one by one. Runs inside the caller's transaction.
 */
export async function publishVote(db: Db, voteId: string): Promise<void> {
	await publish(db, await voteOr404(db, voteId));
}

/**
 * Closes the vote and records the published totals. Under the vote's lock and before anything is counted, the ballots
 * still queued are mixed in, and the marks and ballots are written anew in random order (see rewriteInRandomOrder), so
 * from here on nothing stored links a ballot to its voter.
 */
async function publish(db: Db, vote: repo.Vote): Promise<void> {
	await db.transaction(async (tx) => {
		if ((await repo.lockVote(tx, vote.id))?.resultsPublishedAt) return;
		await mixAllQueued(tx, vote.id);
		await repo.rewriteInRandomOrder(tx, vote.id);
		const counts = await repo.markAndBallotCounts(tx, vote.id);
		await appendAudit(tx, vote.id, "closed", counts);
		// The published totals come from counting every ballot, not from the kept counts: they are the record.
		await appendAudit(tx, vote.id, "resultsPublished", { totals: totals(await repo.tallyGroups(tx, vote.id)) });
		await repo.updateVote(tx, vote.id, { resultsPublishedAt: new Date() });
	});
	forgetCachedVote(db, vote.id);
}

/** The totals the audit log records and verify checks: ballots per option id, blank, and per channel. */
function totals(groups: repo.TallyGroup[]) {
	const perOption: Record<string, number> = {};
	const perChannel: Record<string, number> = {};
	let blank = 0;
	let ballots = 0;
	for (const g of groups) {
		ballots += g.n;
		perChannel[g.channel] = (perChannel[g.channel] ?? 0) + g.n;
		if (g.blank) blank += g.n;
		for (const o of g.choices ? g.choices.split(",") : []) perOption[o] = (perOption[o] ?? 0) + g.n;
	}
	return { ballots, blank, perOption: sortKeys(perOption), perChannel: sortKeys(perChannel) };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
	return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** The results of a vote as the public results page, CSV and JSON show them. */
export type VoteResults = Awaited<ReturnType<typeof results>>;

/** A vote's results, when they may be shown: after publication, or live when the vote allows it. */
export async function results(db: Db, id: string) {
	const vote = await voteOr404(db, id);
	const visible = mayShowResults(vote);
	const [options, rollSize, audit, programme] = await Promise.all([repo.listOptions(db, vote.id), repo.rollSize(db, vote.id), repo.lastAudit(db, vote.id), getProgramme(db)]);
	// The kept counts: a few hundred rows however many ballots; audit:verify checks them against a full count.
	const t = visible ? totals(await repo.keptTallyGroups(db, vote.id)) : { ballots: 0, blank: 0, perOption: {} as Record<string, number>, perChannel: {} as Record<string, number> };
	// Ballots wait sealed in the queue until a whole batch can be mixed in, so live counts lag behind what was received;
	// turnout counts what was received, and the page says how many are not yet counted.
	const notYetCounted = visible && !vote.resultsPublishedAt ? await repo.queuedCount(db, vote.id) : 0;
	const received = t.ballots + notYetCounted;
	const counted = t.ballots - t.blank;
	const rows = options.map((o) => ({ id: o.id, proposalId: o.proposalId, position: o.position, title: o.title, subtext: o.subtext, votes: t.perOption[o.id] ?? 0, share: counted ? (t.perOption[o.id] ?? 0) / counted : 0 }));
	const top = Math.max(0, ...rows.map((r) => r.votes));
	const leaders = top > 0 ? rows.filter((r) => r.votes === top) : [];
	const eligible = rollSize || programme.population;
	return {
		vote,
		visible,
		final: vote.resultsPublishedAt !== null,
		channels: voteChannels(vote),
		options: rows,
		ballots: t.ballots,
		received,
		notYetCounted,
		blank: t.blank,
		perChannel: voteChannels(vote).map((c) => ({ channel: c, ballots: t.perChannel[c] ?? 0, verified: c !== "email" })),
		eligible,
		eligibleFrom: rollSize ? ("roll" as const) : ("population" as const),
		turnout: eligible ? received / eligible : 0,
		winner: leaders.length === 1 ? leaders[0]! : null,
		tie: leaders.length > 1 ? leaders : [],
		auditHash: audit?.hash ?? null,
	};
}

/** How long the voting page shows the same audit hash: anyone may copy it, and it need not cost a read per visit. */
const chainHeadMs = 3 * 60_000;
const chainHeads = new LRUCache<string, { hash: string | null; at: Date }>({ max: 1000, ttl: chainHeadMs });

/** A vote's latest audit hash as of a moment at most a few minutes ago, with that moment. */
async function chainHead(db: Db, voteId: string): Promise<{ hash: string | null; at: Date }> {
	const hit = chainHeads.get(voteId);
	if (hit) return hit;
	const head = { hash: (await repo.lastAudit(db, voteId))?.hash ?? null, at: new Date() };
	chainHeads.set(voteId, head);
	return head;
}

/** What the voting page needs: the vote, its frozen options, whether it takes ballots now, and the audit chain's head. */
export async function ballotPage(db: Db, id: string) {
	const vote = await voteOr404(db, id);
	const [options, head] = await Promise.all([repo.listOptions(db, vote.id), chainHead(db, vote.id)]);
	return { vote, options, open: isOpen(vote), channels: voteChannels(vote), head };
}

/** Reads a submitted ballot form: `choice` may repeat (choose up to N), `blank` marks avstår. */
export function ballotFromForm(body: unknown): { choices: string[]; blank: boolean } {
	const b = (body ?? {}) as Record<string, unknown>;
	const raw = b.choice;
	const choices = (Array.isArray(raw) ? raw : raw === undefined || raw === "" ? [] : [raw]).map(String);
	return { choices: choices.filter((c) => c !== "blank"), blank: choices.includes("blank") };
}

/** Whether a ballot with this receipt was counted in the vote. */
export async function checkReceipt(db: Db, id: string, receipt: string): Promise<boolean> {
	const vote = await voteOr404(db, id);
	const code = normaliseCode(receipt);
	if (code.length < 10 || code.length > 40) return false;
	return repo.receiptCounted(db, vote.id, receiptHash(code), queuedReceiptHash(code));
}

/**
 * Checks a vote's audit chain, that every mark has a ballot and every person one mark, and that the kept counts and
 * published totals match the ballots.
 */
export async function verifyVote(db: Db, id: string): Promise<string[]> {
	const vote = await voteOr404(db, id);
	const problems = await verifyChain(db, vote.id);
	const counts = await repo.markAndBallotCounts(db, vote.id);
	if (counts.marks !== counts.ballots) problems.push(`${counts.marks} voters are marked but ${counts.ballots} ballots are stored`);
	const twice = await repo.peopleMarkedTwice(db, vote.id);
	if (twice) problems.push(`${twice} ${twice === 1 ? "person is" : "people are"} marked more than once`);
	const counted = JSON.stringify(totals(await repo.tallyGroups(db, vote.id)));
	const kept = JSON.stringify(totals(await repo.keptTallyGroups(db, vote.id)));
	if (kept !== counted) problems.push(`kept counts ${kept} differ from the ballots ${counted}`);
	const published = (await repo.listAudit(db, vote.id)).filter((e) => e.event === "resultsPublished").at(-1);
	if (published) {
		const recorded = JSON.stringify((JSON.parse(published.details) as { totals: unknown }).totals);
		if (recorded !== counted) problems.push(`published totals ${recorded} differ from the ballots ${counted}`);
	} else if (vote.resultsPublishedAt) problems.push("results are published but the audit log has no resultsPublished entry");
	return problems;
}

/** Every vote's id, for verifying them all. */
async function allVoteIds(db: Db): Promise<string[]> {
	const programme = await getProgramme(db);
	return (await repo.listVotes(db, programme.id)).map((v) => v.id);
}

/** The channels the voting page takes. */
const webChannels: readonly Channel[] = ["eid", "code", "email"];

/** Hands in a ballot from the voting page; the channel's proof of identity comes from the route (e-ID cookie, session, code). */
export async function submitBallot(db: Db, id: string, body: unknown, proof: { pin: string | null; userId: string | null }): Promise<{ receipt: string }> {
	const b = (body ?? {}) as Record<string, unknown>;
	const channel = String(b.channel ?? "") as Channel;
	const { choices, blank } = ballotFromForm(body);
	// Paper ballots come only through an official's batch, so a web voter cannot borrow paper's longer period.
	if (!webChannels.includes(channel)) throw new VoteRefusal("vote.refusal.channelClosed");
	const voter = channel === "code" ? { code: String(b.code ?? "") } : channel === "email" ? { userId: proof.userId ?? undefined } : { pin: proof.pin ?? undefined };
	if (channel === "eid" && !proof.pin) throw new VoteRefusal("vote.refusal.eidFirst");
	return castBallot(db, { voteId: id, channel, voter, choices, blank });
}

/**
 * Verifies one vote, or every vote, for the command line: a line per vote and per problem, and whether all hold. With
 * `expect`, a hash someone saved earlier (from a vote's page) must also be an entry of a checked chain: then the chain
 * that holds still holds everything up to that entry.
 */
export async function auditReport(db: Db, voteId?: string, expect?: string): Promise<{ ok: boolean; lines: string[] }> {
	const ids = voteId ? [voteId] : await allVoteIds(db);
	const lines: string[] = [];
	let ok = true;
	if (expect !== undefined) {
		const found = !voteId || isUuid(voteId) ? await repo.findAuditHash(db, expect.trim().toLowerCase(), voteId) : undefined;
		if (found) lines.push(`${found.voteId}: the expected hash is entry ${found.seq} (${found.event}, ${found.at.toISOString()})`);
		else {
			lines.push(`the expected hash ${expect} is not in ${voteId ? "this vote's" : "any vote's"} audit chain`);
			ok = false;
		}
	}
	for (const id of ids) {
		const vote = isUuid(id) ? await repo.findVote(db, id) : undefined;
		if (!vote) {
			lines.push(`${id}: no such vote`);
			ok = false;
			continue;
		}
		const problems = await verifyVote(db, id);
		const last = await repo.lastAudit(db, id);
		lines.push(`${id} ${problems.length ? "FAILED" : "ok"}: ${vote.title} (audit hash ${last?.hash ?? "none"})`);
		for (const p of problems) lines.push(`  - ${p}`);
		if (problems.length) ok = false;
	}
	return { ok, lines };
}
