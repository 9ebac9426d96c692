import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
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
};

/** The programme's latest vote, or null when none has been held. */
export async function latestVote(db: Db, programmeId: string): Promise<VoteSummary | null> {
	const vote = await repo.findLatestVote(db, programmeId);
	if (!vote) return null;
	return {
		id: vote.id,
		title: vote.title,
		opensAt: vote.opensAt,
		closesAt: vote.closesAt,
		firstDay: todayInSweden(vote.opensAt),
		// A vote that closes at midnight is last open the day before, so "8–20 januari" and not "8–21".
		lastDay: todayInSweden(new Date(vote.closesAt.getTime() - 1)),
		advisory: vote.advisory,
	};
}
