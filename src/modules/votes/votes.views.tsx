import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { ChartSvg } from "../../ui/charts.js";
import { Chart, PageHelp, TableScroll } from "../../ui/components.js";
import type { PageContext } from "../../ui/context.js";
import { ErrorSummary, FileField, Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import type { Channel } from "./votes.cast.js";
import type { AuditEntry, Vote, VoteOption } from "./votes.repo.js";
import type { RejectedRow, VoteResults } from "./votes.service.js";
import { stepsNow, type VoteStep, voteStage } from "./votes.stage.js";
import { mixBatch } from "./votes.mixing.js";

/** Stored texts are written in Swedish: say so when the page around them is in another language. */
const storedLang = (ctx: PageContext) => (ctx.lang === "sv" ? undefined : "sv");

const percent = (ctx: PageContext, share: number) => `${formatNumber(ctx.lang, share * 100, 1)} %`;

function Period({ ctx, vote }: { ctx: PageContext; vote: Vote }) {
	return <>{ctx.t("vote.periodValue", { from: formatDateTime(ctx.lang, vote.opensAt), to: formatDateTime(ctx.lang, vote.closesAt) })}</>;
}

/** The choices of a ballot: radio buttons for "choose one", checkboxes for "up to N", and "avstår" when allowed. */
function Choices({ ctx, vote, options, chosen }: { ctx: PageContext; vote: Vote; options: VoteOption[]; chosen: string[] }) {
	const type = vote.maxChoices === 1 ? "radio" : "checkbox";
	const sv = storedLang(ctx);
	return (
		<fieldset class="checkboxes ballot">
			<legend>{vote.maxChoices === 1 ? ctx.t("vote.chooseOne") : ctx.t("vote.chooseUpTo", { max: vote.maxChoices })}</legend>
			{options.map((o) => (
				<div class="checkbox ballot-option" key={o.id}>
					<input type={type} id={`choice-${o.id}`} name="choice" value={o.id} checked={chosen.includes(o.id)} aria-describedby={`subtext-${o.id}`} />
					<label for={`choice-${o.id}`} lang={sv}>
						<strong>{ctx.t("vote.optionNumber", { n: o.position })} {o.title}</strong>
						<span class="ballot-subtext" id={`subtext-${o.id}`}>
							{o.subtext}
						</span>
					</label>
				</div>
			))}
			{vote.blankAllowed && (
				<div class="checkbox ballot-option">
					<input type={type} id="choice-blank" name="choice" value="blank" checked={chosen.includes("blank")} />
					<label for="choice-blank">{ctx.t("vote.blank")}</label>
				</div>
			)}
		</fieldset>
	);
}

/** What the voting page knows about the person and the form they sent. */
export type BallotPageState = { chosen: string[]; code: string; refusal: string | null; verified: boolean; signedIn: boolean; eidUrl: string };

/** The public voting page: the frozen options and one way to hand in the ballot per open channel. */
export function BallotPage({ ctx, vote, options, open, channels, head, state }: { ctx: PageContext; vote: Vote; options: VoteOption[]; open: boolean; channels: Channel[]; head: { hash: string | null; at: Date }; state: BallotPageState }) {
	const { t } = ctx;
	const action = `/omrostning/${vote.id}`;
	const form: FormState = { values: { code: state.code }, errors: state.refusal ? { choice: state.refusal } : {} };
	return (
		<>
			<h1 lang={storedLang(ctx)}>{vote.title}</h1>
			<VoteFacts ctx={ctx} vote={vote} channels={channels} />
			<p>{t(vote.advisory ? "vote.advisoryText" : "vote.bindingText")}</p>
			<p>
				<a href={`${action}/kvitto`}>{t("vote.link.receipt")}</a> · <a href={`${action}/resultat`}>{t("vote.link.results")}</a>
			</p>
			{!open ? (
				<>
					{/* A ballot refused because the vote closed (perhaps by another server process) says so, and that nothing was stored. */}
					{state.refusal && (
						<p class="notice" role="alert">
							{translateMsg(t, state.refusal)}
						</p>
					)}
					<p class="notice">{t(new Date() < vote.opensAt || !vote.frozenAt ? "vote.notOpenYet" : "vote.closedNow")}</p>
				</>
			) : (
				<form method="post" action={action} novalidate>
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					<ErrorSummary ctx={ctx} form={form} labels={{ choice: t("vote.yourBallot") }} />
					<h2>{t("vote.yourBallot")}</h2>
					<Choices ctx={ctx} vote={vote} options={options} chosen={state.chosen} />
					<h2>{t("vote.howToVote")}</h2>
					<p>{t("vote.secrecy")}</p>
					{channels.includes("eid") &&
						(state.verified ? (
							<div class="channel">
								<p>{t("vote.eid.verified")}</p>
								<button type="submit" name="channel" value="eid">
									{t("vote.eid.submit")}
								</button>
							</div>
						) : (
							<p class="channel">
								<a href={state.eidUrl}>{t("vote.eid.start")}</a>
							</p>
						))}
					{channels.includes("code") && (
						<div class="channel">
							<TextField ctx={ctx} form={form} name="code" label={t("vote.code.label")} hint={t("vote.code.hint")} autocomplete="off" maxLength={40} />
							<button type="submit" name="channel" value="code">
								{t("vote.code.submit")}
							</button>
						</div>
					)}
					{channels.includes("email") &&
						(state.signedIn ? (
							<div class="channel">
								<p>{t("vote.email.note")}</p>
								<button type="submit" name="channel" value="email">
									{t("vote.email.submit")}
								</button>
							</div>
						) : (
							<p class="channel">
								<a href={`/sign-in?next=${encodeURIComponent(action)}`}>{t("vote.email.signIn")}</a>
							</p>
						))}
					{channels.includes("paper") && <p>{t("vote.paper.note")}</p>}
				</form>
			)}
			<h2>{t("vote.results.audit")}</h2>
			<p>{t("vote.ballot.auditText", { at: formatDateTime(ctx.lang, head.at) })}</p>
			<p>
				<code class="audit-hash">{head.hash ?? "–"}</code>
			</p>
		</>
	);
}

function VoteFacts({ ctx, vote, channels }: { ctx: PageContext; vote: Vote; channels: Channel[] }) {
	const { t } = ctx;
	return (
		<dl class="facts">
			<dt>{t("vote.period")}</dt>
			<dd>
				<Period ctx={ctx} vote={vote} />
			</dd>
			<dt>{t("vote.kind")}</dt>
			<dd>{t(vote.advisory ? "vote.advisory" : "vote.binding")}</dd>
			<dt>{t("vote.channels")}</dt>
			<dd>{channels.map((c) => t(`vote.channel.${c}`)).join(", ")}</dd>
		</dl>
	);
}

/** The receipt page: a just-cast ballot's receipt, and a form anyone can use to check one. */
export function ReceiptPage({ ctx, vote, receipt, counted, fresh }: { ctx: PageContext; vote: Vote; receipt: string; counted: boolean | null; fresh: boolean }) {
	const { t } = ctx;
	const form: FormState = { values: { kvitto: receipt }, errors: {} };
	return (
		<>
			<h1>{t("vote.receipt.title")}</h1>
			<p lang={storedLang(ctx)}>{vote.title}</p>
			{fresh && (
				<div class="notice" role="status">
					<p>{t("vote.receipt.thanks")}</p>
					<p>
						{t("vote.receipt.yours")} <strong class="receipt-code">{receipt}</strong>
					</p>
					<p>{t("vote.receipt.keep")}</p>
				</div>
			)}
			{!fresh && counted !== null && (
				<p class="notice" role="status">
					{t(counted ? "vote.receipt.counted" : "vote.receipt.notFound", { receipt })}
				</p>
			)}
			<h2>{t("vote.receipt.check")}</h2>
			<form method="get" action={`/omrostning/${vote.id}/kvitto`} novalidate>
				<TextField ctx={ctx} form={form} name="kvitto" label={t("vote.receipt.label")} hint={t("vote.receipt.hint")} autocomplete="off" maxLength={40} />
				<button type="submit">{t("vote.receipt.submit")}</button>
			</form>
			<p>
				<a href={`/omrostning/${vote.id}`}>{t("vote.link.ballot")}</a>
			</p>
		</>
	);
}

/** The rows of the results chart: each proposal with its number and full title, then blank votes when allowed. */
export function resultsChartRows(t: PageContext["t"], results: VoteResults) {
	return [...results.options.map((o) => ({ label: `${o.position}. ${o.title}`, value: o.votes })), ...(results.vote.blankAllowed ? [{ label: t("vote.blank"), value: results.blank }] : [])];
}

/** The public results page: per proposal, blank, turnout, per channel, the winner or a tie, and the audit hash. */
export function ResultsPage({ ctx, results, chart }: { ctx: PageContext; results: VoteResults; chart: ChartSvg | null }) {
	const { t } = ctx;
	const { vote } = results;
	const sv = storedLang(ctx);
	const base = `/omrostning/${vote.id}`;
	return (
		<>
			<h1>{t("vote.results.title")}</h1>
			<p lang={sv}>{vote.title}</p>
			<VoteFacts ctx={ctx} vote={vote} channels={results.channels} />
			<p>{t(vote.advisory ? "vote.advisoryText" : "vote.bindingText")}</p>
			{!results.visible ? (
				<p class="notice">{t("vote.results.notYet")}</p>
			) : (
				<>
					{!results.final && <p class="notice">{t(new Date() >= vote.closesAt ? "vote.results.preliminaryClosed" : "vote.results.preliminary")}</p>}
					{results.notYetCounted > 0 && (
						<p class="notice">
							{t("vote.results.notYetCounted", {
								received: formatNumber(ctx.lang, results.received),
								counted: formatNumber(ctx.lang, results.ballots),
								batch: mixBatch,
							})}
						</p>
					)}
					<h2>{t("vote.results.outcome")}</h2>
					{results.winner ? (
						<p class="lead">
							{t("vote.results.winner", { n: results.winner.position, title: results.winner.title, share: percent(ctx, results.winner.share) })}
						</p>
					) : results.tie.length ? (
						<p class="lead">{t("vote.results.tie", { titles: results.tie.map((o) => `${o.position}. ${o.title}`).join(", ") })}</p>
					) : (
						<p>{t("vote.results.noBallots")}</p>
					)}
					{chart && <Chart svg={chart} />}
					<TableScroll label={t("vote.results.perProposal")}>
<table>
						<caption>{t("vote.results.perProposal")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("vote.results.proposal")}</th>
								<th scope="col">{t("vote.results.votes")}</th>
								<th scope="col">{t("vote.results.share")}</th>
							</tr>
						</thead>
						<tbody>
							{results.options.map((o) => (
								<tr key={o.id}>
									<th scope="row" lang={sv}>
										{/* Each proposal leads to its public page: what it rests on and what became of it. */}
										{o.proposalId ? (
											<a href={`/vision/forslag/${o.proposalId}`}>
												{o.position}. {o.title}
											</a>
										) : (
											<>
												{o.position}. {o.title}
											</>
										)}
									</th>
									<td>{formatNumber(ctx.lang, o.votes)}</td>
									<td>{percent(ctx, o.share)}</td>
								</tr>
							))}
							<tr>
								<th scope="row">{t("vote.blank")}</th>
								<td>{formatNumber(ctx.lang, results.blank)}</td>
								<td>–</td>
							</tr>
						</tbody>
					</table>
					</TableScroll>
					<p>{t("vote.results.shareNote")}</p>
					<h2>{t("vote.results.turnout")}</h2>
					<p>
						{t(results.eligibleFrom === "roll" ? "vote.results.turnoutRoll" : "vote.results.turnoutPopulation", {
							ballots: formatNumber(ctx.lang, results.received),
							eligible: formatNumber(ctx.lang, results.eligible),
							share: percent(ctx, results.turnout),
						})}
					</p>
					<TableScroll label={t("vote.results.perChannel")}>
<table>
						<caption>{t("vote.results.perChannel")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("vote.results.channel")}</th>
								<th scope="col">{t("vote.results.ballots")}</th>
								<th scope="col">{t("vote.results.verification")}</th>
							</tr>
						</thead>
						<tbody>
							{results.perChannel.map((c) => (
								<tr key={c.channel}>
									<th scope="row">{t(`vote.channel.${c.channel}`)}</th>
									<td>{formatNumber(ctx.lang, c.ballots)}</td>
									<td>{t(c.verified ? "vote.results.verified" : "vote.results.unverified")}</td>
								</tr>
							))}
						</tbody>
					</table>
					</TableScroll>
					<p>
						<a href={`${base}/resultat.csv`}>{t("vote.results.csv")}</a> · <a href={`${base}/resultat.xlsx`}>{t("vote.results.xlsx")}</a> · <a href={`${base}/resultat.json`}>{t("vote.results.json")}</a>
					</p>
				</>
			)}
			<h2>{t("vote.results.audit")}</h2>
			<p>{t("vote.results.auditText")}</p>
			<p>
				<code class="audit-hash">{results.auditHash ?? "–"}</code>
			</p>
			<p>
				<a href={`${base}/kvitto`}>{t("vote.link.receipt")}</a>
			</p>
		</>
	);
}

/** The coordinator's list of votes and the form for a new one. */
export function VotesAdminPage({ ctx, votes, proposalCount, form, eidAvailable }: { ctx: PageContext; votes: Vote[]; proposalCount: number; form: FormState; eidAvailable: boolean }) {
	const { t } = ctx;
	const yesNo = [
		{ value: "yes", label: t("vote.yes") },
		{ value: "no", label: t("vote.no") },
	];
	const labels: Record<string, string> = {
		title: t("vote.field.title"),
		opensAt: t("vote.field.opensAt"),
		closesAt: t("vote.field.closesAt"),
		maxChoices: t("vote.field.maxChoices"),
		blankAllowed: t("vote.field.blankAllowed"),
		resultsBeforeClose: t("vote.field.resultsBeforeClose"),
		advisory: t("vote.field.advisory"),
		minAge: t("vote.field.minAge"),
		chEid: t("vote.channel.eid"),
		chCode: t("vote.channel.code"),
		chPaper: t("vote.channel.paper"),
		chEmail: t("vote.channel.email"),
	};
	return (
		<>
			<h1>{t("vote.admin.title")}</h1>
			<PageHelp ctx={ctx} page="votes" />
			{votes.length === 0 ? (
				<p>{t("vote.admin.none")}</p>
			) : (
				<ul>
					{votes.map((v) => (
						<li key={v.id}>
							<a href={`/admin/votes/${v.id}`} lang={storedLang(ctx)}>
								{v.title}
							</a>{" "}
							(<Period ctx={ctx} vote={v} />)
						</li>
					))}
				</ul>
			)}
			<h2>{t("vote.admin.new")}</h2>
			<p>{t("vote.admin.newIntro", { count: proposalCount })}</p>
			<Form ctx={ctx} form={form} action="/admin/votes" labels={labels} submit={t("vote.admin.create")}>
				<TextField ctx={ctx} form={form} name="title" label={labels.title!} required maxLength={200} />
				<TextField ctx={ctx} form={form} name="opensAt" label={labels.opensAt!} hint={t("vote.field.dateTimeHint")} required />
				<TextField ctx={ctx} form={form} name="closesAt" label={labels.closesAt!} hint={t("vote.field.dateTimeHint")} required />
				<TextField ctx={ctx} form={form} name="maxChoices" label={labels.maxChoices!} hint={t("vote.field.maxChoicesHint")} inputmode="numeric" required />
				<SelectField ctx={ctx} form={form} name="blankAllowed" label={labels.blankAllowed!} options={yesNo} required />
				<SelectField ctx={ctx} form={form} name="resultsBeforeClose" label={labels.resultsBeforeClose!} options={yesNo} required />
				<SelectField
					ctx={ctx}
					form={form}
					name="advisory"
					label={labels.advisory!}
					options={[
						{ value: "advisory", label: t("vote.advisory") },
						{ value: "binding", label: t("vote.binding") },
					]}
					required
				/>
				<TextField ctx={ctx} form={form} name="minAge" label={labels.minAge!} hint={t("vote.field.minAgeHint")} inputmode="numeric" />
				{(eidAvailable ? (["chEid", "chCode", "chPaper", "chEmail"] as const) : (["chCode", "chPaper", "chEmail"] as const)).map((name) => (
					<SelectField key={name} ctx={ctx} form={form} name={name} label={t("vote.field.channelOpen", { channel: labels[name]! })} options={yesNo} required />
				))}
				{!eidAvailable && (
					<>
						<input type="hidden" name="chEid" value="no" />
						<p class="hint">{t("vote.field.eidNotConfigured")}</p>
					</>
				)}
			</Form>
		</>
	);
}

/** Default values of the new-vote form: e-ID on only where it is configured. */
export const newVoteDefaults = (eidAvailable: boolean) => ({ maxChoices: "1", blankAllowed: "yes", resultsBeforeClose: "no", advisory: "advisory", chEid: eidAvailable ? "yes" : "no", chCode: "yes", chPaper: "yes", chEmail: "no" });

type AdminData = { vote: Vote; options: VoteOption[]; rollSize: number; counts: { marks: number; ballots: number }; audit: AuditEntry[]; channels: Channel[] };

/** Rows a roll import or paper batch refused, each with its reason. */
function Rejected({ ctx, rejected }: { ctx: PageContext; rejected: RejectedRow[] }) {
	if (rejected.length === 0) return null;
	return (
		<TableScroll label={ctx.t("vote.admin.rejected", { count: rejected.length })}>
<table>
			<caption>{ctx.t("vote.admin.rejected", { count: rejected.length })}</caption>
			<thead>
				<tr>
					<th scope="col">{ctx.t("vote.admin.row")}</th>
					<th scope="col">{ctx.t("vote.admin.reason")}</th>
				</tr>
			</thead>
			<tbody>
				{rejected.map((r) => (
					<tr key={r.row}>
						<th scope="row">{r.row}</th>
						<td>{translateMsg(ctx.t, r.reason)}</td>
					</tr>
				))}
			</tbody>
		</table>
		</TableScroll>
	);
}

/** One vote's administration: settings, roll, codes, paper batches, publication and the audit log. */
/** What the coordinator's last step took in, to say on the page it returns to: codes issued, people added, ballots entered. */
export type Done = { issued?: number | null; added?: number | null; entered?: number | null };

/** The notice that says what a step just did, read out when the page loads. */
function DoneNotice({ text }: { text: string }) {
	return (
		<p class="notice" role="status">
			{text}
		</p>
	);
}

/** The files the roll and paper forms take: CSV, or Excel's .xlsx. */
const sheetTypes = ".csv,.txt,.xlsx";

export function VoteAdminPage({ ctx, data, roll, paper, codes, addressed, rejected, done }: { ctx: PageContext; data: AdminData; roll: FormState; paper: FormState; codes: FormState; addressed: FormState; rejected: RejectedRow[]; done: Done }) {
	const { t } = ctx;
	const { vote } = data;
	const base = `/admin/votes/${vote.id}`;
	const stage = voteStage(vote);
	// Once opened the roll is fixed, and once published nothing about who may vote or what was cast changes. A form
	// refused for that still shows again, so what was typed is not lost.
	const over = stage === "published";
	// The roll and paper forms take pasted text or a file; a refusal names either.
	const refusedSent = (form: FormState) => Boolean(form.errors.csv || form.errors.file);
	const showRoll = !vote.frozenAt || refusedSent(roll);
	const showCodes = !over || Boolean(codes.errors.count) || refusedSent(addressed);
	const showPaper = (vote.frozenAt !== null && !over) || refusedSent(paper);
	return (
		<>
			<h1 lang={storedLang(ctx)}>{vote.title}</h1>
			<VoteFacts ctx={ctx} vote={vote} channels={data.channels} />
			<p>
				<a href={`/omrostning/${vote.id}`}>{t("vote.link.ballot")}</a> · <a href={`/omrostning/${vote.id}/resultat`}>{t("vote.link.results")}</a>
			</p>
			<Stage ctx={ctx} vote={vote} />
			<h2>{t("vote.admin.options")}</h2>
			<p>{t(vote.frozenAt ? "vote.admin.frozen" : "vote.admin.notFrozen")}</p>
			<ol>
				{data.options.map((o) => (
					<li key={o.id} lang={storedLang(ctx)}>
						<strong>{o.title}</strong> – {o.subtext}
					</li>
				))}
			</ol>
			<h2>{t("vote.admin.roll")}</h2>
			{done.added != null && <DoneNotice text={t(done.added ? "vote.admin.rollAdded" : "vote.admin.rollNoneNew", { count: done.added })} />}
			<p>{t("vote.admin.rollSize", { count: data.rollSize })}</p>
			<p>{t("vote.admin.rollIntro")}</p>
			{showRoll ? (
				<>
					<Rejected ctx={ctx} rejected={refusedSent(roll) ? rejected : []} />
					<Form ctx={ctx} form={roll} action={`${base}/roll`} labels={{ csv: t("vote.admin.rollCsv"), file: t("vote.admin.rollFile") }} submit={t("vote.admin.rollImport")} multipart>
						<TextArea ctx={ctx} form={roll} name="csv" label={t("vote.admin.rollCsv")} hint={t("vote.admin.rollHint")} rows={6} />
						<FileField ctx={ctx} form={roll} name="file" label={t("vote.admin.rollFile")} hint={t("vote.admin.fileHint")} accept={sheetTypes} />
					</Form>
				</>
			) : (
				<p>{t("vote.admin.rollFixed")}</p>
			)}
			{data.channels.includes("code") && showCodes && (
				<>
					<h2>{t("vote.admin.codes")}</h2>
					{done.issued != null && <DoneNotice text={done.issued ? t("vote.admin.codesIssued", { count: done.issued }) : t("vote.admin.codesNoneNew")} />}
					<p>{t(data.rollSize ? "vote.admin.codesRoll" : "vote.admin.codesBatch")}</p>
					<Form ctx={ctx} form={codes} action={`${base}/codes`} labels={{ count: t("vote.admin.codesCount") }} submit={t("vote.admin.codesIssue")}>
						{data.rollSize === 0 && <TextField ctx={ctx} form={codes} name="count" label={t("vote.admin.codesCount")} inputmode="numeric" required />}
					</Form>
					<p>
						<a href={`${base}/codes.csv`}>{t("vote.admin.codesCsv")}</a> · <a href={`${base}/codes.xlsx`}>{t("vote.admin.codesXlsx")}</a> · <a href={`${base}/letters`}>{t("vote.admin.letters")}</a>
					</p>
					{data.rollSize > 0 && (
						<>
							<h3>{t("vote.admin.addressed")}</h3>
							<Rejected ctx={ctx} rejected={refusedSent(addressed) ? rejected : []} />
							<p>{t("vote.admin.addressedIntro")}</p>
							<p>
								<strong>{t("vote.admin.addressedNotStored")}</strong>
							</p>
							<Form ctx={ctx} form={addressed} action={`${base}/codes/addressed`} labels={{ csv: t("vote.admin.addressedCsv"), file: t("vote.admin.addressedFile"), format: t("vote.admin.addressedFormat") }} submit={t("vote.admin.addressedSubmit")} multipart>
								<TextArea ctx={ctx} form={addressed} name="csv" label={t("vote.admin.addressedCsv")} hint={t("vote.admin.addressedHint")} rows={6} />
								<FileField ctx={ctx} form={addressed} name="file" label={t("vote.admin.addressedFile")} hint={t("vote.admin.fileHint")} accept={sheetTypes} />
								<SelectField
									ctx={ctx}
									form={addressed}
									name="format"
									label={t("vote.admin.addressedFormat")}
									options={[
										{ value: "csv", label: t("vote.admin.addressedFormat.csv") },
										{ value: "xlsx", label: t("vote.admin.addressedFormat.xlsx") },
										{ value: "letters", label: t("vote.admin.addressedFormat.letters") },
									]}
									required
								/>
							</Form>
						</>
					)}
				</>
			)}
			{data.channels.includes("paper") && showPaper && (
				<>
					<h2>{t("vote.admin.paper")}</h2>
					{done.entered != null && <DoneNotice text={t("vote.admin.paperEntered", { count: done.entered })} />}
					<p>{t("vote.admin.paperIntro")}</p>
					<Rejected ctx={ctx} rejected={refusedSent(paper) ? rejected : []} />
					<Form ctx={ctx} form={paper} action={`${base}/paper`} labels={{ csv: t("vote.admin.paperLines"), file: t("vote.admin.paperFile") }} submit={t("vote.admin.paperEnter")} multipart>
						<TextArea ctx={ctx} form={paper} name="csv" label={t("vote.admin.paperLines")} hint={t("vote.admin.paperHint")} rows={6} />
						<FileField ctx={ctx} form={paper} name="file" label={t("vote.admin.paperFile")} hint={t("vote.admin.fileHint")} accept={sheetTypes} />
					</Form>
				</>
			)}
			<h2>{t("vote.admin.count")}</h2>
			<p>{t("vote.admin.counts", { marks: data.counts.marks, ballots: data.counts.ballots })}</p>
			<h2>{t("vote.admin.audit")}</h2>
			{/* On a phone the log scrolls sideways: focusable and named, so the keyboard can scroll it too. */}
			<TableScroll label={t("vote.admin.auditCaption")}>
<table>
				<caption>{t("vote.admin.auditCaption")}</caption>
				<thead>
					<tr>
						<th scope="col">#</th>
						<th scope="col">{t("vote.admin.event")}</th>
						<th scope="col">{t("vote.admin.at")}</th>
						<th scope="col">{t("vote.admin.hash")}</th>
					</tr>
				</thead>
				<tbody>
					{data.audit.map((e) => (
						<tr key={e.seq}>
							<th scope="row">{e.seq}</th>
							<td>{t(`vote.audit.${e.event}`)}</td>
							<td>{formatDateTime(ctx.lang, e.at)}</td>
							<td>
								<code class="audit-hash">{e.hash.slice(0, 16)}…</code>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			</TableScroll>
		</>
	);
}

/** Where the vote stands, what happens next and when, and the step the coordinator can take now. */
function Stage({ ctx, vote }: { ctx: PageContext; vote: Vote }) {
	const { t } = ctx;
	const base = `/admin/votes/${vote.id}`;
	const stage = voteStage(vote);
	const when = { opens: formatDateTime(ctx.lang, vote.opensAt), closes: formatDateTime(ctx.lang, vote.closesAt), published: vote.resultsPublishedAt ? formatDateTime(ctx.lang, vote.resultsPublishedAt) : "" };
	const steps = stepsNow(vote);
	return (
		<section aria-labelledby="vote-stage">
			<h2 id="vote-stage">{t("vote.admin.stage")}</h2>
			<p>{t(`vote.stage.${stage}`, when)}</p>
			{steps.length > 0 && (
				<p class="actions">
					{steps.map((step) => (
						<a key={step} class="button" href={`${base}/${step}`}>
							{t(`vote.step.${step}.start`)}
						</a>
					))}
				</p>
			)}
		</section>
	);
}

/** Asks before a step that cannot be undone, saying what it does: opening, closing early, publishing or deleting. */
export function VoteStepPage({ ctx, vote, step }: { ctx: PageContext; vote: Vote; step: VoteStep }) {
	const { t } = ctx;
	const base = `/admin/votes/${vote.id}`;
	const when = { opens: formatDateTime(ctx.lang, vote.opensAt), closes: formatDateTime(ctx.lang, vote.closesAt) };
	return (
		<>
			<p>
				<a href={base} lang={storedLang(ctx)}>
					{vote.title}
				</a>
			</p>
			<h1>{t(`vote.step.${step}.title`)}</h1>
			<p>{t(`vote.step.${step}.what`, when)}</p>
			<form method="post" action={`${base}/${step}`}>
				<input type="hidden" name="_csrf" value={ctx.csrfToken} />
				<button type="submit">{t(`vote.step.${step}.confirm`)}</button> <a href={base}>{t("vote.step.cancel")}</a>
			</form>
		</>
	);
}

/** One printable letter: its code, short address and that address as a QR code, and the recipient's address when given. */
export type Letter = { code: string; short: string; qr: string; address?: string[] };

/** Printable letters, one per A4 page: the sender, the recipient when given, the vote, the short address with its QR code, and the code. */
export function LettersPage({ ctx, vote, letters, sender }: { ctx: PageContext; vote: Vote; letters: Letter[]; sender: string }) {
	const { t } = ctx;
	return (
		<>
			<h1 class="letters-heading">{t("vote.letters.title", { count: letters.length })}</h1>
			{letters.map((c, i) => (
				<section class="letter" key={i} aria-label={t("vote.letters.letter", { n: i + 1 })}>
					<p class="letter-sender">
						{ctx.branding.logoAlt !== null && <img src={`/branding/logo?v=${ctx.branding.version}`} alt={ctx.branding.logoAlt} class="letter-logo" />}
						<strong lang={storedLang(ctx)}>{sender}</strong>
					</p>
					{c.address?.length ? (
						<p class="letter-address">
							{c.address.filter(Boolean).flatMap((line, j) => (j ? [<br key={j} />, line] : [line]))}
						</p>
					) : null}
					<p class="letter-title" lang={storedLang(ctx)}>
						{vote.title}
					</p>
					<p>
						{t("vote.period")}: <Period ctx={ctx} vote={vote} />
					</p>
					<p>{t("vote.letters.how")}</p>
					<p class="letter-short">
						<strong>{c.short}</strong>
					</p>
					<div class="letter-qr" role="img" aria-label={t("vote.letters.qr", { address: c.short })} dangerouslySetInnerHTML={{ __html: c.qr }} />
					<p>
						{t("vote.letters.code")} <strong class="receipt-code">{c.code}</strong>
					</p>
					<p>{t("vote.letters.secret")}</p>
				</section>
			))}
		</>
	);
}
