import { formatDate, formatDateRange } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { ConcerningDecisions } from "../decisions/index.js";
import type { Proposal } from "./proposals.repo.js";
import { type DiffPart, wordDiff } from "./word-diff.js";
import type { visionPage } from "./proposals.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

type VisionPageData = Awaited<ReturnType<typeof visionPage>>;

/** Stored texts are written in Swedish: say so when the page around them is in another language. */
const storedLang = (ctx: PageContext) => (ctx.lang === "sv" ? undefined : "sv");

/** The public vision page: the vision in force, then the vote and every proposal that went to it. */
export function VisionPage({ ctx, data }: { ctx: PageContext; data: VisionPageData }) {
	const { t, lang } = ctx;
	const { vision, proposals, vote } = data;
	const sv = storedLang(ctx);
	return (
		<>
			<h1>{t("vision.title")}</h1>
			{vision ? (
				<section class="vision" aria-labelledby="vision-in-force">
					<h2 id="vision-in-force">{t("vision.inForce", { community: data.programme.community })}</h2>
					<p class="vision-title" lang={sv}>
						{vision.title}
					</p>
					<p class="lead" lang={sv}>
						{vision.subtext}
					</p>
					<p class="meta">{t("vision.adoptedOn", { date: formatDate(lang, vision.adoptedOn) })}</p>
					{data.amendments.length > 0 && <Amendments ctx={ctx} amendments={data.amendments} />}
				</section>
			) : (
				<p class="lead">{t("vision.none")}</p>
			)}
			<section aria-labelledby="proposals-title">
				<h2 id="proposals-title">{t("vision.proposals")}</h2>
				{vote ? (
					<dl class="facts">
						<dt>{t("vision.vote")}</dt>
						<dd lang={sv}>{vote.title}</dd>
						<dt>{t("vision.vote.period")}</dt>
						<dd>{formatDateRange(lang, vote.firstDay, vote.lastDay)}</dd>
						<dt>{t("vision.vote.kind")}</dt>
						<dd>{t(vote.advisory ? "vision.vote.advisory" : "vision.vote.binding")}</dd>
					</dl>
				) : (
					<p>{t("vision.noVote")}</p>
				)}
				{vote?.advisory && <p>{t("vision.vote.advisoryNote")}</p>}
				{data.newerVote && (
					<p>
						<a href={`/omrostning/${data.newerVote.id}`}>{t("vision.newerVote", { title: data.newerVote.title })}</a>
					</p>
				)}
				{vote?.resultsPublished ? (
					<p>
						<a href={`/omrostning/${vote.id}/resultat`}>{t("vote.vision.results")}</a>
					</p>
				) : vote?.opened ? (
					<p>
						<a href={`/omrostning/${vote.id}`}>{t("vote.vision.ballot")}</a>
					</p>
				) : null}
				{proposals.length === 0 ? (
					<p>{t("vision.noProposals")}</p>
				) : (
					<>
						<p>{t("vision.proposalsCount", { count: proposals.length })}</p>
						<ul class="proposal-list">
							{proposals.map((p) => {
								const adopted = vision?.proposalId === p.id;
								return (
									<li key={p.id} class={adopted ? "proposal proposal-adopted" : "proposal"}>
										<h3>
											{t("vision.proposalHeading", { number: p.number })}: <span lang={sv}>{p.title}</span>
										</h3>
										<p lang={sv}>{p.subtext}</p>
										<p>
											<a href={`/vision/forslag/${p.id}`}>{t("vision.proposalTrace")}</a>
										</p>
										{adopted && (
											<p class="proposal-mark">
												<strong>{t("vision.adoptedMark")}</strong>
												{vision.subtext !== p.subtext && ` ${t("vision.amended")}`}
											</p>
										)}
									</li>
								);
							})}
						</ul>
					</>
				)}
			</section>
			<ConcerningDecisions ctx={ctx} items={data.decisions} headingId="vision-decisions" />
			<p>
				<a href="/visionen/antaganden">{t("adoptions.link")}</a>
			</p>
		</>
	);
}

/** A text with the changes marked: deletions and insertions announced in words to screen readers, not by styling alone. */
function MarkedText({ ctx, parts, show, lang }: { ctx: PageContext; parts: DiffPart[]; show: "del" | "ins"; lang?: string }) {
	return (
		<p class="diff" lang={lang}>
			{parts.map((part, i) => {
				if (part.op === "same") return part.text;
				if (part.op !== show) return null;
				const Mark = part.op;
				return (
					<Mark key={i}>
						<span class="visually-hidden">[{ctx.t(part.op === "del" ? "diff.deleted" : "diff.inserted")} </span>
						{part.text}
						<span class="visually-hidden">]</span>
					</Mark>
				);
			})}
		</p>
	);
}

/** Each amendment of the text since the vote, in order: who moved it in which body and §, and the text before and after. */
function Amendments({ ctx, amendments }: { ctx: PageContext; amendments: VisionPageData["amendments"] }) {
	const { t, lang } = ctx;
	return (
		<section class="amendment" aria-labelledby="amendment-title">
			<h3 id="amendment-title">{t(amendments.length === 1 ? "vision.amendment" : "vision.amendments")}</h3>
			{amendments.map(({ motion, item, before, after, changesVotedText }) => {
				const parts = wordDiff(before, after);
				const member = motion.party ? `${motion.memberName} (${motion.party})` : motion.memberName;
				const decision = t("decisions.concerning.item", { body: item.bodyName, date: formatDate(lang, item.decidedOn), paragraph: item.paragraph, title: item.title });
				return (
					<article key={motion.id} aria-labelledby={`amendment-${motion.id}`}>
						<h4 id={`amendment-${motion.id}`}>{decision}</h4>
						<p>{t("vision.amendmentIntro", { member, body: item.bodyName, paragraph: item.paragraph })}</p>
						<div class="side-by-side">
							<div>
								<h5>{t(changesVotedText ? "vision.votedOn" : "vision.textBefore")}</h5>
								<MarkedText ctx={ctx} parts={parts} show="del" lang={storedLang(ctx)} />
							</div>
							<div>
								<h5>{t("vision.adoptedText")}</h5>
								<MarkedText ctx={ctx} parts={parts} show="ins" lang={storedLang(ctx)} />
							</div>
						</div>
						<p>
							<a href={`/beslut/paragrafer/${item.id}`}>{t("vision.amendmentDecision", { decision })}</a>
						</p>
					</article>
				);
			})}
		</section>
	);
}

/** The coordinator's list of proposals, with links to edit each one. */
export function ProposalAdminList({ ctx, proposals }: { ctx: PageContext; proposals: Proposal[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("admin.back")}</a>
			</p>
			<h1>{t("proposals.admin.title")}</h1>
			<PageHelp ctx={ctx} page="proposals" />
			<p>{t("proposals.admin.intro")}</p>
			<p>
				<a class="button" href="/admin/proposals/new">
					{t("proposals.admin.add")}
				</a>
			</p>
			{proposals.length === 0 ? (
				<p>{t("proposals.admin.none")}</p>
			) : (
				<TableScroll label={t("proposals.admin.title")}>
					<table>
						<thead>
							<tr>
								<th scope="col">{t("proposals.column.number")}</th>
								<th scope="col">{t("proposals.column.title")}</th>
								<th scope="col">{t("proposals.column.actions")}</th>
							</tr>
						</thead>
						<tbody>
							{proposals.map((p) => (
								<tr key={p.id}>
									<td>{p.number}</td>
									<th scope="row">{p.title}</th>
									<td>
										<a href={`/admin/proposals/${p.id}`}>{t("proposals.admin.editLink", { number: p.number })}</a>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</>
	);
}

/** The form for a new proposal or for changing one. */
export function ProposalForm({ ctx, form, action, heading }: { ctx: PageContext; form: FormState; action: string; heading: string }) {
	const { t } = ctx;
	const labels = { number: t("proposals.field.number"), title: t("proposals.field.title"), subtext: t("proposals.field.subtext") };
	return (
		<>
			<p>
				<a href="/admin/proposals">{t("proposals.admin.back")}</a>
			</p>
			<h1>{heading}</h1>
			<Form ctx={ctx} form={form} action={action} labels={labels}>
				<TextField ctx={ctx} form={form} name="number" label={labels.number} hint={t("proposals.field.number.hint")} inputmode="numeric" required />
				<TextField ctx={ctx} form={form} name="title" label={labels.title} maxLength={200} required />
				<TextArea ctx={ctx} form={form} name="subtext" label={labels.subtext} rows={4} maxLength={2000} required />
			</Form>
		</>
	);
}
