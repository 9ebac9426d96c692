import { type LoadedSection, PageSections } from "../../ui/sections.js";
import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { Paragraphs } from "../../ui/text.js";
import { limits } from "./ideas.input.js";
import type { commentModeration, IdeaForms, ideaList, ideaPage, moderationPage, newIdeaPage } from "./ideas.service.js";
import { PageHelp } from "../../ui/components.js";

type ListRows = Awaited<ReturnType<typeof ideaList>>;
type PageData = Awaited<ReturnType<typeof ideaPage>>;
type Comment = PageData["comments"][number]["comment"];

/** The coordinator's button that shows a hidden comment again; from the moderation page it leads back there. */
function RestoreCommentButton(props: { ctx: PageContext; ideaId: string; commentId: string; label: string; backToAdmin?: boolean }) {
	return (
		<form method="post" action={`/ideer/${props.ideaId}/kommentarer/${props.commentId}/aterstall`} class="inline-form">
			<input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
			{props.backToAdmin && <input type="hidden" name="tillbaka" value="admin" />}
			<button type="submit" class="secondary">
				{props.label}
			</button>
		</form>
	);
}

/** Says that a comment is hidden and why; only its author and coordinators see hidden comments. */
function HiddenCommentNotice({ ctx, comment, forCoordinator }: { ctx: PageContext; comment: Comment; forCoordinator: boolean }) {
	const { t } = ctx;
	return (
		<div class="notice">
			<p>
				<strong>{t("idea.comment.hidden")}</strong> {t("idea.comment.hiddenReason", { reason: comment.hiddenReason ?? "" })}
			</p>
			<p>{t(forCoordinator ? "idea.comment.hiddenForCoordinator" : "idea.comment.hiddenForAuthor")}</p>
		</div>
	);
}

/** The public list of ideas. */
export function IdeaListPage({ ctx, rows }: { ctx: PageContext; rows: ListRows }) {
	const { t, lang } = ctx;
	return (
		<>
			<h1>{t("idea.list.title")}</h1>
			<p class="lead">{t("idea.list.intro")}</p>
			<p>{ctx.viewer ? <a href="/ideer/ny">{t("idea.list.new")}</a> : <a href="/sign-in">{t("idea.list.signIn")}</a>}</p>
			{rows.length === 0 ? (
				<p>{t("idea.list.none")}</p>
			) : (
				<ul class="card-list">
					{rows.map(({ idea, supports, comments, focusAreaName }) => (
						<li key={idea.id} class="card">
							<h2>
								<a href={`/ideer/${idea.id}`}>{idea.title}</a>
							</h2>
							<p>
								{t("idea.counts", { supports: formatNumber(lang, supports), comments: formatNumber(lang, comments) })}
								{focusAreaName && ` · ${focusAreaName}`}
							</p>
						</li>
					))}
				</ul>
			)}
		</>
	);
}

/** The form for a new idea. */
export function NewIdeaPage({ ctx, data, form }: { ctx: PageContext; data: Awaited<ReturnType<typeof newIdeaPage>>; form: FormState }) {
	const { t } = ctx;
	const labels = { title: t("idea.field.title"), text: t("idea.field.text"), focusAreaId: t("idea.field.focusArea") };
	return (
		<>
			<h1>{t("idea.new.title")}</h1>
			<p class="hint">{t("idea.new.privacy")}</p>
			<Form ctx={ctx} form={form} action="/ideer/ny" labels={labels} submit={t("idea.new.submit")}>
				<TextField ctx={ctx} form={form} name="title" label={labels.title} required hint={t("idea.maxChars", { max: limits.title })} />
				<TextArea ctx={ctx} form={form} name="text" label={labels.text} required rows={8} hint={t("idea.maxChars", { max: limits.text })} />
				<SelectField ctx={ctx} form={form} name="focusAreaId" label={labels.focusAreaId} options={data.focusAreas.map((a) => ({ value: a.id, label: a.name }))} />
			</Form>
		</>
	);
}

/** An idea with its comments, support, report and (for coordinators) moderation. */
export function IdeaPage({ ctx, data, forms = {}, sections = [] }: { ctx: PageContext; data: PageData; forms?: IdeaForms; sections?: LoadedSection[] }) {
	const { t, lang } = ctx;
	const { idea } = data;
	const base = `/ideer/${idea.id}`;
	const commentForm = forms.comment ?? formState();
	const reportForm = forms.report ?? formState();
	const hideForm = forms.hide ?? formState();
	return (
		<>
			<h1>{idea.title}</h1>
			{idea.hiddenAt && (
				<div class="notice" role="status">
					<h2>{t("idea.hidden.title")}</h2>
					<p>{t("idea.hidden.reason", { reason: idea.hiddenReason ?? "" })}</p>
				</div>
			)}
			<p class="meta">
				{t("idea.by", { name: data.authorName || t("idea.anonymousName"), at: formatDateTime(lang, idea.createdAt) })}
				{data.focusAreaName && ` · ${t("idea.focusArea", { name: data.focusAreaName })}`}
			</p>
			<Paragraphs text={idea.text} />
			<PageSections ctx={ctx} sections={sections} />
			<section aria-labelledby="support-title">
				<h2 id="support-title">{t("idea.support.title")}</h2>
				<p>{t("idea.support.count", { n: formatNumber(lang, data.supports) })}</p>
				{ctx.viewer && !idea.hiddenAt && (data.supported ? (
					<p>{t("idea.support.yours")}</p>
				) : (
					<Form ctx={ctx} form={formState()} action={`${base}/stod`} labels={{}} submit={t("idea.support.submit")}>
						{null}
					</Form>
				))}
			</section>
			<section aria-labelledby="comments-title">
				<h2 id="comments-title">{t("idea.comments.title")}</h2>
				{data.comments.length === 0 && <p>{t("idea.comments.none")}</p>}
				<ul class="comment-list">
					{data.comments.map(({ comment, authorName }, i) => (
						<li key={comment.id} id={`comment-${comment.id}`}>
							<p class="meta">{t("idea.by", { name: authorName || t("idea.anonymousName"), at: formatDateTime(lang, comment.createdAt) })}</p>
							{comment.hiddenAt && <HiddenCommentNotice ctx={ctx} comment={comment} forCoordinator={data.isCoordinator} />}
							<Paragraphs text={comment.text} />
							{ctx.viewer && !idea.hiddenAt && !comment.hiddenAt && (
								<p>
									<a href={`${base}?anmal=${comment.id}#report-title`}>{t("idea.report.thisComment", { n: i + 1 })}</a>
								</p>
							)}
							{data.isCoordinator && (
								<p>
									{comment.hiddenAt ? (
										<RestoreCommentButton ctx={ctx} ideaId={idea.id} commentId={comment.id} label={t("idea.comment.restore", { n: i + 1 })} />
									) : (
										<a href={`${base}/kommentarer/${comment.id}/dolj`}>{t("idea.comment.hide", { n: i + 1 })}</a>
									)}
								</p>
							)}
						</li>
					))}
				</ul>
				{ctx.viewer && !idea.hiddenAt ? (
					<Form ctx={ctx} form={commentForm} action={`${base}/kommentarer`} labels={{ comment: t("idea.field.comment") }} submit={t("idea.comments.submit")}>
						<TextArea ctx={ctx} form={commentForm} name="comment" label={t("idea.field.comment")} required rows={4} hint={t("idea.maxChars", { max: limits.comment })} />
					</Form>
				) : (
					!ctx.viewer && (
						<p>
							<a href="/sign-in">{t("idea.signInToTakePart")}</a>
						</p>
					)
				)}
			</section>
			{ctx.viewer && !idea.hiddenAt && (
				<section aria-labelledby="report-title">
					<h2 id="report-title">{t("idea.report.title")}</h2>
					<p class="hint">{t("idea.report.intro")}</p>
					<Form ctx={ctx} form={reportForm} action={`${base}/anmal`} labels={{ reason: t("idea.field.reason"), commentId: t("idea.field.reportWhat") }} submit={t("idea.report.submit")}>
						<SelectField
							ctx={ctx}
							form={reportForm}
							name="commentId"
							label={t("idea.field.reportWhat")}
							options={data.comments.flatMap(({ comment }, i) => (comment.hiddenAt ? [] : [{ value: comment.id, label: t("idea.report.comment", { n: i + 1 }) }]))}
						/>
						<TextArea ctx={ctx} form={reportForm} name="reason" label={t("idea.field.reason")} required rows={3} hint={t("idea.maxChars", { max: limits.report })} />
					</Form>
				</section>
			)}
			{data.isCoordinator && (
				<section aria-labelledby="moderate-title">
					<h2 id="moderate-title">{t("idea.moderate.title")}</h2>
					{idea.hiddenAt ? (
						<Form ctx={ctx} form={formState()} action={`${base}/aterstall`} labels={{}} submit={t("idea.moderate.restore")}>
							{null}
						</Form>
					) : (
						<Form ctx={ctx} form={hideForm} action={`${base}/dolj`} labels={{ hideReason: t("idea.field.hideReason") }} submit={t("idea.moderate.hide")}>
							<TextArea ctx={ctx} form={hideForm} name="hideReason" label={t("idea.field.hideReason")} required rows={3} hint={t("idea.field.hideReason.hint", { max: limits.hideReason })} />
						</Form>
					)}
				</section>
			)}
		</>
	);
}

/** The coordinator's page for hiding one comment: the comment itself, then the reason its author will read. */
export function CommentHidePage({ ctx, data, form }: { ctx: PageContext; data: Awaited<ReturnType<typeof commentModeration>>; form: FormState }) {
	const { t, lang } = ctx;
	const { idea, comment, n } = data;
	const labels = { hideReason: t("idea.field.hideCommentReason") };
	return (
		<>
			<h1>{t("idea.hideComment.title")}</h1>
			<p>
				{t("idea.hideComment.onIdea")} <a href={`/ideer/${idea.id}#comment-${comment.id}`}>{idea.title}</a>
			</p>
			<section aria-labelledby="comment-title">
				<h2 id="comment-title">{t("idea.report.comment", { n })}</h2>
				<p class="meta">{t("idea.by", { name: data.authorName || t("idea.anonymousName"), at: formatDateTime(lang, comment.createdAt) })}</p>
				<blockquote>
					<Paragraphs text={comment.text} />
				</blockquote>
			</section>
			{comment.hiddenAt ? (
				<>
					<HiddenCommentNotice ctx={ctx} comment={comment} forCoordinator />
					<RestoreCommentButton ctx={ctx} ideaId={idea.id} commentId={comment.id} label={t("idea.comment.restore", { n })} />
				</>
			) : (
				<Form ctx={ctx} form={form} action={`/ideer/${idea.id}/kommentarer/${comment.id}/dolj`} labels={labels} submit={t("idea.hideComment.submit")}>
					<TextArea ctx={ctx} form={form} name="hideReason" label={labels.hideReason} required rows={3} hint={t("idea.field.hideCommentReason.hint", { max: limits.hideReason })} />
				</Form>
			)}
		</>
	);
}

/** The coordinator's moderation page: reports, hidden ideas and hidden comments. */
export function ModerationPage({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof moderationPage>> }) {
	const { t, lang } = ctx;
	return (
		<>
			<h1>{t("idea.moderation.title")}</h1>
			<PageHelp ctx={ctx} page="ideas" />
			<section aria-labelledby="reports-title">
				<h2 id="reports-title">{t("idea.moderation.reports")}</h2>
				{data.reports.length === 0 ? (
					<p>{t("idea.moderation.noReports")}</p>
				) : (
					<table>
						<thead>
							<tr>
								<th scope="col">{t("idea.moderation.idea")}</th>
								<th scope="col">{t("idea.moderation.what")}</th>
								<th scope="col">{t("idea.field.reason")}</th>
								<th scope="col">{t("idea.moderation.when")}</th>
								<th scope="col">{t("idea.moderation.status")}</th>
								<th scope="col">{t("idea.moderation.action")}</th>
							</tr>
						</thead>
						<tbody>
							{data.reports.map((r) => (
								<tr key={r.report.id}>
									<th scope="row">
										<a href={`/ideer/${r.report.ideaId}`}>{r.ideaTitle}</a>
									</th>
									<td>
										{r.commentText === null ? (
											t("idea.moderation.theIdea")
										) : (
											<a href={`/ideer/${r.report.ideaId}#comment-${r.report.commentId}`}>{t("idea.moderation.aComment", { text: r.commentText.slice(0, 120) })}</a>
										)}
									</td>
									<td>{r.report.reason}</td>
									<td>{formatDateTime(lang, r.report.createdAt)}</td>
									<td>{t(r.commentHidden ? "idea.moderation.commentHidden" : r.ideaHidden ? "idea.moderation.ideaHidden" : "idea.moderation.visible")}</td>
								<td>
									{r.report.commentId &&
										(r.commentHidden ? (
											<RestoreCommentButton ctx={ctx} ideaId={r.report.ideaId} commentId={r.report.commentId} label={t("idea.moderation.restoreComment")} backToAdmin />
										) : (
											<a href={`/ideer/${r.report.ideaId}/kommentarer/${r.report.commentId}/dolj`}>{t("idea.moderation.hideComment")}</a>
										))}
								</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
			<section aria-labelledby="hidden-title">
				<h2 id="hidden-title">{t("idea.moderation.hiddenIdeas")}</h2>
				{data.hidden.length === 0 ? (
					<p>{t("idea.moderation.noHidden")}</p>
				) : (
					<ul>
						{data.hidden.map(({ idea }) => (
							<li key={idea.id}>
								<a href={`/ideer/${idea.id}`}>{idea.title}</a> – {idea.hiddenReason}
							</li>
						))}
					</ul>
				)}
			</section>
			<section aria-labelledby="hidden-comments-title">
				<h2 id="hidden-comments-title">{t("idea.moderation.hiddenComments")}</h2>
				{data.hiddenComments.length === 0 ? (
					<p>{t("idea.moderation.noHiddenComments")}</p>
				) : (
					<ul>
						{data.hiddenComments.map(({ comment, ideaTitle }) => (
							<li key={comment.id}>
								<a href={`/ideer/${comment.ideaId}#comment-${comment.id}`}>{t("idea.moderation.commentOn", { idea: ideaTitle })}</a>
								{" – "}
								{t("idea.moderation.hiddenCommentText", { text: comment.text.slice(0, 120), reason: comment.hiddenReason ?? "", at: formatDateTime(lang, comment.hiddenAt!) })}{" "}
								<RestoreCommentButton ctx={ctx} ideaId={comment.ideaId} commentId={comment.id} label={t("idea.moderation.restoreComment")} backToAdmin />
							</li>
						))}
					</ul>
				)}
			</section>
		</>
	);
}
