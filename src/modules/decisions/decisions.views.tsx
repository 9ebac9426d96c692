import { TableScroll } from "../../ui/components.js";
import type { ComponentChildren } from "preact";
import { formatDate, formatDateTime, type Lang, type T } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Paragraphs } from "../../ui/text.js";
import type { DecisionItem, ItemSummary, Motion } from "./decisions.repo.js";
import type { adoptionsPage, itemPage, PublicAdoption } from "./decisions.service.js";

/** The table of organisations that stand behind the vision, with their decisions. */
export function AdoptionsTable({ ctx, adoptions }: { ctx: PageContext; adoptions: PublicAdoption[] }) {
	const { t, lang } = ctx;
	if (adoptions.length === 0) return <p>{t("adoption.none")}</p>;
	return (
		<TableScroll label={t("adoption.caption", { count: adoptions.length })}>
			<table>
				<caption>{t("adoption.caption", { count: adoptions.length })}</caption>
				<thead>
					<tr>
						<th scope="col">{t("adoption.organisation")}</th>
						<th scope="col">{t("adoption.decidedOn")}</th>
						<th scope="col">{t("adoption.body")}</th>
						<th scope="col">{t("adoption.reference")}</th>
					</tr>
				</thead>
				<tbody>
					{adoptions.map((a) => (
						<tr key={a.id}>
							<th scope="row">
								<a href={`/aktorer/${a.organisation.id}`}>{a.organisation.name}</a>
							</th>
							<td>
								<time dateTime={a.decidedOn}>{formatDate(lang, a.decidedOn)}</time>
							</td>
							<td>{a.body}</td>
							<td>{a.reference || t("adoption.noReference")}</td>
						</tr>
					))}
				</tbody>
			</table>
		</TableScroll>
	);
}

/** Whether an organisation stands behind the vision, on its profile page. */
export function OrganisationAdoption({ ctx, data }: { ctx: PageContext; data: PublicAdoption | null }) {
	return (
		<>
			<h2>{ctx.t("adoption.onProfile.heading")}</h2>
			<AdoptionSentence ctx={ctx} adoption={data} />
		</>
	);
}

/** One organisation's adoption in a sentence, or that it has not adopted the vision. */
export function AdoptionSentence({ ctx, adoption }: { ctx: PageContext; adoption: PublicAdoption | null }) {
	const { t, lang } = ctx;
	if (!adoption) return <p>{t("adoption.notAdopted")}</p>;
	const params = { date: formatDate(lang, adoption.decidedOn), body: adoption.body, reference: adoption.reference };
	return <p>{t(adoption.reference ? "adoption.adoptedWithReference" : "adoption.adopted", params)}</p>;
}

type ItemPageData = Awaited<ReturnType<typeof itemPage>>;
type MeetingInfo = ItemPageData["meeting"];

/** Stored texts are written in Swedish: say so when the page around them is in another language. */
const storedLang = (ctx: PageContext) => (ctx.lang === "sv" ? undefined : "sv");

/** The public list of meetings with a link to each. */
export function MeetingsPage({ ctx, meetings }: { ctx: PageContext; meetings: MeetingInfo[] }) {
	const { t, lang } = ctx;
	return (
		<>
			<h1>{t("decisions.title")}</h1>
			<p class="lead">{t("decisions.intro")}</p>
			{meetings.length === 0 ? (
				<p>{t("decisions.none")}</p>
			) : (
				<TableScroll label={t("decisions.caption", { count: meetings.length })}>
					<table>
						<caption>{t("decisions.caption", { count: meetings.length })}</caption>
						<thead>
							<tr>
								<th scope="col">{t("decisions.column.date")}</th>
								<th scope="col">{t("decisions.column.body")}</th>
								<th scope="col">{t("decisions.column.organisation")}</th>
							</tr>
						</thead>
						<tbody>
							{meetings.map((m) => (
								<tr key={m.id}>
									<th scope="row">
										<a href={`/beslut/sammantraden/${m.id}`}>
											<time dateTime={m.heldOn}>{formatDate(lang, m.heldOn)}</time>
										</a>
									</th>
									<td>{m.bodyName}</td>
									<td>{m.organisationName}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<p>
				<a href="/visionen/antaganden">{t("adoptions.link")}</a>
			</p>
		</>
	);
}

/** The heading text of a meeting: body and date. */
export const meetingHeading = ({ t, lang }: { t: T; lang: Lang }, m: { bodyName: string; heldOn: string }) => t("decisions.meeting.title", { body: m.bodyName, date: formatDate(lang, m.heldOn) });

/** One meeting with its items. */
export function MeetingPage({ ctx, meeting, items }: { ctx: PageContext; meeting: MeetingInfo; items: DecisionItem[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/beslut">{t("decisions.meeting.back")}</a>
			</p>
			<h1>{meetingHeading(ctx, meeting)}</h1>
			<p>{t("decisions.meeting.organisation", { name: meeting.organisationName })}</p>
			<h2>{t("decisions.meeting.items")}</h2>
			{items.length === 0 ? (
				<p>{t("decisions.meeting.noItems")}</p>
			) : (
				<ul>
					{items.map((i) => (
						<li key={i.id}>
							<a href={`/beslut/paragrafer/${i.id}`}>{t("decisions.item.heading", { paragraph: i.paragraph, title: i.title })}</a>
							{i.caseNumber && ` (${i.caseNumber})`}
						</li>
					))}
				</ul>
			)}
		</>
	);
}

/** A list with one entry per stored line, or nothing when empty. */
function Lines({ items, ordered, lang }: { items: string[]; ordered?: boolean; lang?: string }) {
	const children = items.map((line, i) => <li key={i}>{line}</li>);
	return ordered ? <ol lang={lang}>{children}</ol> : <ul lang={lang}>{children}</ul>;
}

/** The motions of an item, each with its member, kind, text, amended wording and outcome in words. */
function Motions({ ctx, motions, proposals, level }: { ctx: PageContext; motions: Motion[]; proposals: ItemPageData["proposals"]; level: "h2" | "h3" }) {
	const { t } = ctx;
	const Heading = level;
	if (motions.length === 0) return null;
	return (
		<section>
			<Heading>{t("decisions.item.motions")}</Heading>
			{motions.map((m) => {
				const proposal = m.proposalId ? proposals.get(m.proposalId) : undefined;
				const kind = t(`decisions.kind.${m.kind}`);
				return (
					<div key={m.id} class="motion">
						<p>{m.party ? t("decisions.item.motionParty", { member: m.memberName, party: m.party, kind }) : t("decisions.item.motion", { member: m.memberName, kind })}</p>
						<Paragraphs text={m.text} lang={storedLang(ctx)} />
						{proposal && m.amendedText && (
							<>
								<p>{t("decisions.item.amends", { number: proposal.number ?? "", title: proposal.label })}</p>
								<blockquote lang={storedLang(ctx)}>{m.amendedText}</blockquote>
							</>
						)}
						<p>
							<strong>{t("decisions.item.outcome")}</strong> {t(`decisions.outcome.${m.outcome}`)}
						</p>
					</div>
				);
			})}
		</section>
	);
}

/** A headed part of an item's texts: a section on the item's page, bare in the extract, which is one article. */
function Part({ title, bare, children }: { title: string; bare: boolean; children: ComponentChildren }) {
	const content = (
		<>
			<h2>{title}</h2>
			{children}
		</>
	);
	return bare ? content : <section>{content}</section>;
}

/** An item's texts in the protocol's order, on its page (with the basis) and in its extract: background, basis, proposed decision, motions, decision and distribution. */
function ItemTexts({ ctx, data, bare, basis }: { ctx: PageContext; data: ItemPageData; bare: boolean; basis?: ComponentChildren }) {
	const { t } = ctx;
	const { item, motions, proposals } = data;
	const sv = storedLang(ctx);
	return (
		<>
			{item.background && (
				<Part title={t("decisions.item.background")} bare={bare}>
					<Paragraphs text={item.background} lang={sv} />
				</Part>
			)}
			{basis}
			{item.proposedDecision && (
				<Part title={t("decisions.item.proposed")} bare={bare}>
					<Paragraphs text={item.proposedDecision} lang={sv} />
				</Part>
			)}
			<Motions ctx={ctx} motions={motions} proposals={proposals} level="h2" />
			<Part title={t("decisions.item.decision")} bare={bare}>
				{item.points.length ? <Lines items={item.points} ordered lang={sv} /> : <p>{t("decisions.item.noDecision")}</p>}
			</Part>
			{item.distribution.length > 0 && (
				<Part title={t("decisions.item.distribution")} bare={bare}>
					<Lines items={item.distribution} />
				</Part>
			)}
		</>
	);
}

/** The size of a stored file in kilobytes, rounded up. */
const kilobytes = (size: number | null) => Math.max(1, Math.ceil((size ?? 0) / 1024));

/** A decision item's public page: facts, background, basis, motions, decision, distribution, links and corrections. */
export function ItemPage({ ctx, data }: { ctx: PageContext; data: ItemPageData }) {
	const { t, lang } = ctx;
	const { item, meeting, documents, concerns, corrections } = data;
	const sv = storedLang(ctx);
	return (
		<>
			<p>
				<a href={`/beslut/sammantraden/${meeting.id}`}>{meetingHeading(ctx, meeting)}</a>
			</p>
			<h1>{t("decisions.item.heading", { paragraph: item.paragraph, title: item.title })}</h1>
			{corrections.length > 0 && (
				<p class="notice">
					<strong>{t("decisions.item.corrected")}</strong>
				</p>
			)}
			<dl class="facts">
				<dt>{t("decisions.item.body")}</dt>
				<dd>
					{meeting.bodyName}, {meeting.organisationName}
				</dd>
				<dt>{t("decisions.item.decidedOn")}</dt>
				<dd>
					<time dateTime={item.decidedOn}>{formatDate(lang, item.decidedOn)}</time>
				</dd>
				{item.caseNumber && (
					<>
						<dt>{t("decisions.item.caseNumber")}</dt>
						<dd>{item.caseNumber}</dd>
					</>
				)}
			</dl>
			<p>
				<a href={`/beslut/paragrafer/${item.id}/utdrag`}>{t("decisions.item.extract")}</a>
				{" · "}
				<a href={`/beslut/paragrafer/${item.id}/utdrag.pdf`}>{t("decisions.item.pdf")}</a>
			</p>
			<ItemTexts
				ctx={ctx}
				data={data}
				bare={false}
				basis={
					<Part title={t("decisions.item.basis")} bare={false}>
						{documents.length === 0 ? (
							<p>{t("decisions.item.noBasis")}</p>
						) : (
							<ul>
								{documents.map((d) => (
									<li key={d.id}>
										{d.url ? (
											<a href={d.url}>{d.title}</a>
										) : (
											<a href={`/beslut/underlag/${d.id}`} download={d.fileName ?? undefined}>
												{t("decisions.item.file", { name: d.title, size: kilobytes(d.size) })}
											</a>
										)}
									</li>
								))}
							</ul>
						)}
					</Part>
				}
			/>
			{concerns.length > 0 && (
				<section>
					<h2>{t("decisions.item.concerns")}</h2>
					<ul>
						{concerns.map((c) => (
							<li key={`${c.recordType}:${c.recordId}`}>
								{t(`decisions.recordType.${c.recordType}`, { number: c.number ?? "" })}: <a href={c.href}>{c.label}</a>
							</li>
						))}
					</ul>
				</section>
			)}
			{corrections.length > 0 && (
				<section>
					<h2>{t("decisions.item.corrections")}</h2>
					{corrections.map((c) => (
						<div key={c.id} class="correction">
							<p>{t("decisions.item.correction", { date: formatDateTime(lang, c.correctedAt), reason: c.reason })}</p>
							<details>
								<summary>{t("decisions.item.earlier")}</summary>
								<h3>{t("decisions.item.heading", { paragraph: item.paragraph, title: c.previous.title })}</h3>
								<p>
									{t("decisions.item.decidedOn")}: {formatDate(lang, c.previous.decidedOn)}
									{c.previous.caseNumber && ` · ${t("decisions.item.caseNumber")}: ${c.previous.caseNumber}`}
								</p>
								<Paragraphs text={c.previous.background} lang={sv} />
								<Paragraphs text={c.previous.proposedDecision} lang={sv} />
								{c.previous.points.length > 0 && <Lines items={c.previous.points} ordered lang={sv} />}
							</details>
						</div>
					))}
				</section>
			)}
		</>
	);
}

/** The protocol extract of one item, laid out for printing on A4 (see public/print.css). */
export function ExtractPage({ ctx, data, today }: { ctx: PageContext; data: ItemPageData; today: string }) {
	const { t, lang } = ctx;
	const { item, meeting } = data;
	return (
		<>
			<link rel="stylesheet" href="/static/print.css" media="print" />
			<p class="no-print">
				<a href={`/beslut/paragrafer/${item.id}`}>{t("decisions.extract.back")}</a>
			</p>
			<p class="no-print">{t("decisions.extract.print")}</p>
			<article class="extract">
				<p class="extract-head">
					{meeting.organisationName}
					<br />
					{t("decisions.extract.title")}
					<br />
					{t("decisions.extract.meeting", { body: meeting.bodyName, date: formatDate(lang, meeting.heldOn) })}
				</p>
				<h1>
					{t("decisions.item.heading", { paragraph: item.paragraph, title: item.title })}
					{item.caseNumber && <span class="extract-case"> {item.caseNumber}</span>}
				</h1>
				<ItemTexts ctx={ctx} data={data} bare />
				<p class="extract-foot">{t("decisions.extract.certified", { date: formatDate(lang, today) })}</p>
			</article>
		</>
	);
}

/** The decisions that concern a record, as a section of that record's page; nothing when there are none. */
export function ConcerningDecisions({ ctx, items, headingId }: { ctx: PageContext; items: ItemSummary[]; headingId: string }) {
	const { t, lang } = ctx;
	if (items.length === 0) return null;
	return (
		<section aria-labelledby={headingId}>
			<h2 id={headingId}>{t("decisions.concerning.title")}</h2>
			<ul>
				{items.map((i) => (
					<li key={i.id}>
						<a href={`/beslut/paragrafer/${i.id}`}>{t("decisions.concerning.item", { body: i.bodyName, date: formatDate(lang, i.decidedOn), paragraph: i.paragraph, title: i.title })}</a>
					</li>
				))}
			</ul>
		</section>
	);
}

type AdoptionsPageData = Awaited<ReturnType<typeof adoptionsPage>>;

/** "De som står bakom visionen": each organisation with its decision and chosen focus areas, then withdrawals. */
export function AdoptionsPage({ ctx, data }: { ctx: PageContext; data: AdoptionsPageData }) {
	const { t, lang } = ctx;
	return (
		<>
			<h1>{t("adoptions.title")}</h1>
			<p class="lead">{t("adoptions.intro")}</p>
			{data.standing.length === 0 ? (
				<p>{t("adoption.none")}</p>
			) : (
				<TableScroll label={t("adoption.caption", { count: data.standing.length })}>
					<table>
						<caption>{t("adoption.caption", { count: data.standing.length })}</caption>
						<thead>
							<tr>
								<th scope="col">{t("adoption.organisation")}</th>
								<th scope="col">{t("adoption.decidedOn")}</th>
								<th scope="col">{t("adoption.body")}</th>
								<th scope="col">{t("adoption.reference")}</th>
								<th scope="col">{t("adoptions.column.document")}</th>
								<th scope="col">{t("adoptions.column.focusAreas")}</th>
							</tr>
						</thead>
						<tbody>
							{data.standing.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										<a href={`/aktorer/${a.organisationId}`}>{a.organisationName}</a>
									</th>
									<td>
										<time dateTime={a.decidedOn}>{formatDate(lang, a.decidedOn)}</time>
									</td>
									<td>{a.body}</td>
									<td>{a.itemId ? <a href={`/beslut/paragrafer/${a.itemId}`}>{a.reference || t("decisions.item.decision")}</a> : a.reference || t("adoption.noReference")}</td>
									<td>{a.documentUrl ? <a href={a.documentUrl}>{t("adoptions.document")}</a> : t("adoption.noReference")}</td>
									<td>{a.focusAreas.length ? a.focusAreas.map((f) => f.name).join(", ") : t("adoptions.noFocusAreas")}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<p>
				<a href="/admin/antaganden">{t("adoptions.recordOwn")}</a>
			</p>
			{data.withdrawn.length > 0 && (
				<section aria-labelledby="withdrawn-title">
					<h2 id="withdrawn-title">{t("adoptions.withdrawnTitle")}</h2>
					<ul>
						{data.withdrawn.map((a) => (
							<li key={a.id}>
								{t("adoptions.withdrawnItem", { organisation: a.organisationName, decided: formatDate(lang, a.decidedOn), body: a.body, withdrawn: formatDate(lang, a.withdrawnOn!) })}
							</li>
						))}
					</ul>
				</section>
			)}
		</>
	);
}
