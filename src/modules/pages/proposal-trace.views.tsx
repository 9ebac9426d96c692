import { formatDate, formatDateRange, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { TraceSection } from "../synthesis/index.js";
import type { proposalLinksPage, proposalPage } from "./proposal-trace.service.js";

type ProposalPageData = Awaited<ReturnType<typeof proposalPage>>;

/** Stored texts are written in Swedish: say so when the page around them is in another language. */
const storedLang = (ctx: PageContext) => (ctx.lang === "sv" ? undefined : "sv");

/** A vision proposal's public page: its text, the vote it went to, whether it became the vision, and what residents said behind it. */
export function ProposalPage({ ctx, data }: { ctx: PageContext; data: ProposalPageData }) {
	const { t, lang } = ctx;
	const { proposal, vote, vision } = data;
	const sv = storedLang(ctx);
	return (
		<>
			<p>
				<a href="/vision">{t("trace.backToVision")}</a>
			</p>
			<h1>
				{t("vision.proposalHeading", { number: proposal.number })}: <span lang={sv}>{proposal.title}</span>
			</h1>
			<p class="lead" lang={sv}>
				{proposal.subtext}
			</p>
			<h2>{t("proposal.page.path")}</h2>
			<ol class="trace-path">
				<li>{data.trace.themes.length > 0 ? <a href="#trace">{t("proposal.page.step.inputs", { n: formatNumber(lang, data.trace.inputs) })}</a> : t("proposal.page.step.noInputs")}</li>
				{vote && (
					<li>
						{t("proposal.page.step.vote", { title: vote.title, period: formatDateRange(lang, vote.firstDay, vote.lastDay) })}
						{vote.resultsPublished && (
							<>
								{" "}
								<a href={`/omrostning/${vote.id}/resultat`}>{t("vote.vision.results")}</a>
							</>
						)}
					</li>
				)}
				{vision && (
					<li>
						<a href="/vision#vision-in-force">{t("proposal.page.step.adopted", { date: formatDate(lang, vision.adoptedOn) })}</a>
					</li>
				)}
				{vision && (
					<li>
						<a href="/fokusomraden">{t("proposal.page.step.areas")}</a> · <a href="/mal">{t("proposal.page.step.goals")}</a>
					</li>
				)}
			</ol>
			<TraceSection ctx={ctx} trace={data.trace} />
		</>
	);
}

/** The analysts' list of vision proposals, each with how many themes it rests on. */
export function ProposalLinksPage({ ctx, proposals }: { ctx: PageContext; proposals: Awaited<ReturnType<typeof proposalLinksPage>> }) {
	const { t, lang } = ctx;
	return (
		<>
			<p>
				<a href="/analys/fokusomraden">{t("trace.areas.title")}</a>
			</p>
			<h1>{t("proposal.links.title")}</h1>
			<p>{t("proposal.links.intro")}</p>
			{proposals.length === 0 ? (
				<p>{t("vision.noProposals")}</p>
			) : (
				<ul>
					{proposals.map((p) => (
						<li key={p.id}>
							<a href={`/analys/visionsforslag/${p.id}`}>{t("proposal.links.item", { number: p.number, title: p.title })}</a> ({t("trace.themeCount", { n: formatNumber(lang, p.themes) })})
						</li>
					))}
				</ul>
			)}
		</>
	);
}
