import { boolean, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { programmes } from "../programmes/programmes.schema.js";
import { visionProposals } from "../proposals/proposals.schema.js";

/** A public vote on the vision proposals; the ballot machinery builds on this record. */
export const votes = pgTable("votes", {
	id: uuid("id").primaryKey().defaultRandom(),
	programmeId: uuid("programme_id")
		.notNull()
		.references(() => programmes.id, { onDelete: "cascade" }),
	title: text("title").notNull(),
	opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
	closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
	advisory: boolean("advisory").notNull().default(true),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	/** How many options a voter may choose: 1 is "choose one". */
	maxChoices: integer("max_choices").notNull().default(1),
	blankAllowed: boolean("blank_allowed").notNull().default(true),
	resultsBeforeClose: boolean("results_before_close").notNull().default(false),
	/** Open channels, comma-separated from eid, code, paper, email. */
	channels: text("channels").notNull().default("eid,code,paper"),
	minAge: integer("min_age"),
	/** When the option texts were frozen (the vote was opened by the coordinator). */
	frozenAt: timestamp("frozen_at", { withTimezone: true }),
	resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
});

/** One ballot option, with the exact text voters see, copied from the proposal so later edits do not change the vote. */
export const voteOptions = pgTable(
	"vote_options",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		proposalId: uuid("proposal_id").references(() => visionProposals.id, { onDelete: "set null" }),
		position: integer("position").notNull(),
		title: text("title").notNull(),
		subtext: text("subtext").notNull(),
	},
	(t) => [unique().on(t.voteId, t.position)],
);

/** The voter roll: keyed hashes of personal identity numbers only, never the numbers. */
export const voteRoll = pgTable(
	"vote_roll",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		pinHash: text("pin_hash").notNull(),
	},
	(t) => [unique().on(t.voteId, t.pinHash)],
);

/** Single-use letter codes, looked up by keyed hash; sealed (encrypted) so the print shop export can be made again. */
export const voteCodes = pgTable(
	"vote_codes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		codeHash: text("code_hash").notNull(),
		sealed: text("sealed").notNull(),
		/** The roll entry the code was issued to; null for an anonymous batch. */
		rollId: uuid("roll_id").references(() => voteRoll.id, { onDelete: "cascade" }),
		batch: integer("batch").notNull(),
	},
	(t) => [unique().on(t.voteId, t.codeHash)],
);

/**
 * Who has voted: one row per voter and vote. The primary key on (vote, voter key) is what makes a second vote impossible,
 * whichever channel or process tries. The voter key is the roll entry, the keyed pin hash, the code id or the user id.
 */
export const voterMarks = pgTable(
	"voter_marks",
	{
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		voterKey: text("voter_key").notNull(),
		channel: text("channel").notNull(),
	},
	(t) => [primaryKey({ columns: [t.voteId, t.voterKey] })],
);

/** The ballots: no voter, no time finer than the day, a random id, and the hash of the voter's receipt. */
export const ballots = pgTable("ballots", {
	id: uuid("id").primaryKey().defaultRandom(),
	voteId: uuid("vote_id")
		.notNull()
		.references(() => votes.id, { onDelete: "cascade" }),
	/** Chosen option ids, comma-separated in option order; empty for a blank vote. */
	choices: text("choices").notNull(),
	blank: boolean("blank").notNull().default(false),
	channel: text("channel").notNull(),
	day: text("day"),
	receiptHash: text("receipt_hash").notNull().unique(),
});

/**
 * Ballots cast but not yet mixed into `ballots`. A cast writes the voter's mark and this row in one transaction, so the
 * row holds only what links nothing: the ballot sealed (AES-256-GCM, padded to one length per vote) and a lookup hash of
 * the receipt that differs from the ballot's. Mixing moves a batch of them to `ballots` in random order, in a
 * transaction of its own (votes.mixing.ts).
 */
export const ballotQueue = pgTable(
	"vote_ballot_queue",
	{
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		id: uuid("id").notNull().defaultRandom(),
		sealed: text("sealed").notNull(),
		receiptLookup: text("receipt_lookup").notNull(),
	},
	(t) => [primaryKey({ columns: [t.voteId, t.id] })],
);

/** Append-only audit log of a vote's lifecycle, each entry chained to the previous by SHA-256. */
export const voteAudit = pgTable(
	"vote_audit",
	{
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		seq: integer("seq").notNull(),
		event: text("event").notNull(),
		details: text("details").notNull(),
		at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
		prevHash: text("prev_hash").notNull(),
		hash: text("hash").notNull(),
	},
	(t) => [primaryKey({ columns: [t.voteId, t.seq] })],
);

/**
 * Kept counts of the ballots, written in the same statement as each ballot, so a tally reads a few hundred rows instead
 * of every ballot. A count is kept per (vote, channel, choices) and spread over shards picked at random, so concurrent
 * ballots for the same proposal seldom wait for one another's row lock. The ballots stay the record: `audit:verify`
 * compares these counts with a full count of them.
 */
export const voteTallies = pgTable(
	"vote_tallies",
	{
		voteId: uuid("vote_id")
			.notNull()
			.references(() => votes.id, { onDelete: "cascade" }),
		channel: text("channel").notNull(),
		/** The ballots' `choices`, as stored with them; empty for blank. */
		choices: text("choices").notNull(),
		blank: boolean("blank").notNull(),
		shard: integer("shard").notNull(),
		ballots: integer("ballots").notNull(),
	},
	(t) => [primaryKey({ columns: [t.voteId, t.channel, t.blank, t.choices, t.shard] })],
);
