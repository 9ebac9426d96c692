import { formatDate, formatDateTime, formatNumber } from "../../i18n/i18n.js";
import { Badge, Card } from "../../ui/components.js";
import type { PageContext } from "../../ui/context.js";
import { GoalStatus } from "../goals/index.js";
import { daysLeft, type WhatsOn } from "./pages.now.js";

const goalOrder = ["on_track", "at_risk", "off_track", "achieved", "not_started", "discontinued"] as const;

/** The start page's first section: one card per thing a resident can do now, each with one action. */
export function WhatsOnNow({ ctx, now: data, at }: { ctx: PageContext; now: WhatsOn; at: Date }) {
	const { t, lang } = ctx;
	const { survey, vote, meeting, decision, goals } = data;
	const totalGoals = goals.reduce((sum, g) => sum + g.count, 0);
	const days = vote ? daysLeft(vote.closesAt, at) : 0;
	return (
		<section aria-labelledby="now-title" class="now">
			<h2 id="now-title">{t("start.now")}</h2>
			<ul class="card-list">
				{survey ? (
					<Card heading={survey.title} badge={<Badge tone="success">{t("start.survey.open")}</Badge>} action={{ href: `/enkater/${survey.id}`, label: t("start.survey.answer") }}>
						{survey.closesAt && <p>{t("start.survey.closes", { date: formatDateTime(lang, survey.closesAt) })}</p>}
					</Card>
				) : (
					<Card heading={t("start.survey.none")} badge={<Badge>{t("layout.nav.surveys")}</Badge>} action={{ href: "/enkater", label: t("start.survey.all") }} />
				)}
				{vote ? (
					<Card heading={vote.title} badge={<Badge tone="success">{t("start.vote.open")}</Badge>} action={{ href: `/omrostning/${vote.id}`, label: t("start.vote.cast") }}>
						<p class="days-left">{days <= 1 ? t("start.vote.lastDay") : t("start.vote.daysLeft", { days })}</p>
						<p class="meta">{t("start.vote.closes", { date: formatDateTime(lang, vote.closesAt) })}</p>
					</Card>
				) : (
					<Card heading={t("start.vote.none")} badge={<Badge>{t("start.vote.badge")}</Badge>} action={{ href: "/vision", label: t("start.vote.vision") }} />
				)}
				{meeting ? (
					<Card heading={meeting.title} badge={<Badge tone="info">{t(meeting.kind === "workshop" ? "start.meeting.workshop" : "start.meeting.arena")}</Badge>} action={{ href: meeting.href, label: t("start.meeting.read") }}>
						<p>
							<time dateTime={meeting.startsAt.toISOString()}>{formatDateTime(lang, meeting.startsAt)}</time>
							<br />
							{meeting.place}
						</p>
					</Card>
				) : (
					<Card heading={t("start.meeting.none")} badge={<Badge>{t("start.meeting.badge")}</Badge>} action={{ href: "/framtidsverkstader", label: t("start.meeting.all") }} />
				)}
				{decision && (
					<Card heading={t("start.decision.title", { body: decision.body, paragraph: decision.paragraph, title: decision.title })} badge={<Badge>{t("start.decision.badge")}</Badge>} action={{ href: `/beslut/paragrafer/${decision.id}`, label: t("start.decision.read") }}>
						<p>
							<time dateTime={decision.decidedOn}>{formatDate(lang, decision.decidedOn)}</time>
						</p>
					</Card>
				)}
				<Card heading={t("start.goals.title", { count: formatNumber(lang, totalGoals) })} badge={<Badge>{t("start.goals.badge")}</Badge>} action={{ href: "/mal", label: t("start.goals.all") }}>
					{totalGoals > 0 && (
						<ul class="plain-list goal-counts">
							{goalOrder.map((status) => {
								const count = goals.find((g) => g.status === status)?.count ?? 0;
								return count > 0 ? (
									<li key={status}>
										<strong>{formatNumber(lang, count)}</strong> <GoalStatus ctx={ctx} status={status} />
									</li>
								) : null;
							})}
						</ul>
					)}
				</Card>
			</ul>
		</section>
	);
}
