import { formatDate, formatDateRange } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import type { Proposal } from "./proposals.repo.js";
import type { visionPage } from "./proposals.service.js";

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
		</>
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
			<p>{t("proposals.admin.intro")}</p>
			<p>
				<a class="button" href="/admin/proposals/new">
					{t("proposals.admin.add")}
				</a>
			</p>
			{proposals.length === 0 ? (
				<p>{t("proposals.admin.none")}</p>
			) : (
				<div class="table-scroll">
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
				</div>
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
