import type { Db } from "../../db/client.js";
import { cachedRead } from "../../lib/read-cache.js";
import * as repo from "./pages.now.repo.js";

/** What the start page offers to do now: open survey and vote, next meetings, latest decision, goals by status. */
export type WhatsOn = Awaited<ReturnType<typeof loadWhatsOn>>;

async function loadWhatsOn(db: Db, now: Date) {
	const [survey, vote, workshop, arenaMeeting, decision, goals] = await Promise.all([
		repo.openSurvey(db, now),
		repo.openVote(db, now),
		repo.nextWorkshop(db, now),
		repo.nextArenaMeeting(db, now),
		repo.latestDecision(db),
		repo.goalCounts(db),
	]);
	// The sooner of the next workshop and the next arena meeting: one card, one meeting to go to.
	const meeting =
		workshop && (!arenaMeeting || workshop.startsAt <= arenaMeeting.startsAt)
			? { kind: "workshop" as const, href: `/framtidsverkstader/${workshop.id}`, title: workshop.title, startsAt: workshop.startsAt, place: `${workshop.place}, ${workshop.locality}` }
			: arenaMeeting && { kind: "arena" as const, href: `/arenor/${arenaMeeting.id}`, title: arenaMeeting.title, startsAt: arenaMeeting.startsAt, place: arenaMeeting.place };
	return { survey, vote, meeting: meeting || null, decision, goals };
}

/** The start page's "now", read through the short-lived read cache like the rest of the start page. */
export async function whatsOn(db: Db, now = new Date()): Promise<WhatsOn> {
	return cachedRead(db, "pages.whatsOn", () => loadWhatsOn(db, now));
}

/** Whole days left until a moment, counting a part of a day as a day (0 when it has passed). */
export function daysLeft(until: Date, now = new Date()): number {
	return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 86_400_000));
}
