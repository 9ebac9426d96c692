// Reminders that go out by themselves: a week before a round's deadline and on the day before, to every owner that
// has not reported on all its goals and has not been reminded since that day (by the coordinator or by this job).
// Every process runs it each morning; the advisory lock lets one send, and the reminder kept per organisation makes
// a second run, a restart or a missed morning send nothing twice.
import type { Config } from "../../config.js";
import { lockKeys, unlessRunning } from "../../db/advisory-lock.js";
import type { Database } from "../../db/client.js";
import { todayInSweden, translator } from "../../i18n/i18n.js";
import { scheduleDaily } from "../../lib/daily.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { getProgramme } from "../programmes/index.js";
import * as repo from "./followup.repo.js";
import { ownerProgress, remindBehind, roundState } from "./rounds.service.js";

/** How many days before the deadline the automatic reminders go out. */
export const reminderDaysBefore = [7, 1] as const;

const daysBefore = (isoDay: string, days: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The day of the latest automatic reminder reached by `today` for a deadline, or null before the first one or after the deadline. */
export function reminderDay(deadline: string, today: string): string | null {
	if (today > deadline) return null;
	return reminderDaysBefore.map((d) => daysBefore(deadline, d)).filter((day) => day <= today).sort().at(-1) ?? null;
}

/** Sends the reminders that are due now in every open round; gives how many owners were reminded (null: another process is at it). */
export async function sendDueReminders(database: Pick<Database, "db" | "kind">, config: Config, now = new Date()): Promise<number | null> {
	return unlessRunning(database, lockKeys.followupReminders, async () => {
		const { db } = database;
		const programme = await getProgramme(db);
		const today = todayInSweden(now);
		// The programme speaks Swedish to its organisations; the mail's link leads to a page in either language.
		const mail = { t: translator("sv"), lang: "sv" as const, base: publicBaseUrl(config), now };
		let reminded = 0;
		for (const round of await repo.listRounds(db, programme.id)) {
			const since = roundState(round) === "open" ? reminderDay(round.deadline, today) : null;
			if (!since) continue;
			const last = new Map((await repo.listReminders(db, round.id)).map((r) => [r.organisationId, todayInSweden(r.sentAt)]));
			const owners = await ownerProgress(db, round);
			reminded += await remindBehind({ db, config }, { round, owners }, mail, (organisationId) => (last.get(organisationId) ?? "") < since);
		}
		return reminded;
	});
}

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Sends the due reminders every morning at 07:00 UTC; gives a function that stops it. */
export function scheduleFollowupReminders(database: Pick<Database, "db" | "kind">, config: Config, log: Log): () => void {
	return scheduleDaily(
		"follow-up reminders",
		7,
		async () => {
			const reminded = await sendDueReminders(database, config);
			if (reminded !== null) log.info({ reminded }, "follow-up reminders sent");
		},
		log,
	);
}
