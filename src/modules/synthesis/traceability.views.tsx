import { TableScroll } from "../../ui/components.js";
import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { Paragraphs } from "../../ui/text.js";
import { CheckboxGroup } from "../focus-areas/index.js";
import type { Carried, focusAreaLinksPage, ideaTrace, publicThemePage, Trace, themeLinks } from "./traceability.service.js";
import { quoteHref, themeLinksField } from "./traceability.service.js";

type ThemeLinks = Awaited<ReturnType<typeof themeLinks>>;
type PublicTheme = Exclude<Awaited<ReturnType<typeof publicThemePage>>, { mergedInto: string }>;

/** Stored texts are written in Swedish: say so when the page around them is in another language. */
const storedLang = (ctx: PageContext) => (ctx.lang === "sv" ? undefined : "sv");

/** A quote short enough to read in a list; the whole text is where the link leads. */
function shortened(text: string): string {
	return text.length > 400 ? `${text.slice(0, 397).trimEnd()}…` : text;
}

/** Quotes of residents' inputs, each with where it came from and, when public, a link to read it in full. */
function Quotes({ ctx, quotes }: { ctx: PageContext; quotes: Trace["quotes"] }) {
	const { t } = ctx;
	return (
		<ul class="quote-list">
			{quotes.map((q) => {
				const href = quoteHref(q);
				return (
					<li key={q.id}>
						<blockquote>
							<Paragraphs text={shortened(q.text)} lang={storedLang(ctx)} />
						</blockquote>
						<p class="meta">
							{t(`trace.quoteFrom.${q.source}`)}
							{href && (
								<>
									{" · "}
									<a href={href}>{t(q.source === "workshop" ? "trace.readWorkshop" : "trace.readIdea")}</a>
								</>
							)}
						</p>
					</li>
				);
			})}
		</ul>
	);
}

/** "Built on N inputs from M participants", the themes (each to its public page) and a sample of quotes; nothing when no theme is linked. */
export function TraceSection({ ctx, trace, headingId = "trace" }: { ctx: PageContext; trace: Trace; headingId?: string }) {
	const { t, lang } = ctx;
	if (trace.themes.length === 0) return null;
	return (
		<section aria-labelledby={headingId} class="trace">
			<h2 id={headingId}>{t("trace.heading")}</h2>
			<p class="lead">{t("trace.builtOn", { inputs: formatNumber(lang, trace.inputs), participants: formatNumber(lang, trace.participants) })}</p>
			<h3>{t("trace.themes")}</h3>
			<ul>
				{trace.themes.map((theme) => (
					<li key={theme.id}>
						<a href={`/teman/${theme.id}`}>{theme.name}</a> ({t("trace.inputCount", { n: formatNumber(lang, theme.inputs) })})
						{theme.description && <span lang={storedLang(ctx)}> – {theme.description}</span>}
					</li>
				))}
			</ul>
			{trace.quotes.length > 0 && (
				<>
					<h3>{t("trace.quotes")}</h3>
					<Quotes ctx={ctx} quotes={trace.quotes} />
				</>
			)}
			<p class="meta">{t("trace.note")}</p>
		</section>
	);
}

function CarriedList({ ctx, carried }: { ctx: PageContext; carried: Carried[] }) {
	return (
		<ul>
			{carried.map((c) => (
				<li key={`${c.kind}:${c.id}`}>
					{ctx.t(`trace.kind.${c.kind}`)}: <a href={c.href}>{c.title}</a>
				</li>
			))}
		</ul>
	);
}

/** On an idea's page: the public themes it went into and what rests on each; nothing when there are none. */
export function IdeaTraceSection({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof ideaTrace>> }) {
	const { t } = ctx;
	if (data.length === 0) return null;
	return (
		<section aria-labelledby="idea-trace">
			<h2 id="idea-trace">{t("trace.idea.heading")}</h2>
			<p>{t("trace.idea.intro")}</p>
			<ul>
				{data.map(({ theme, carried }) => (
					<li key={theme.id}>
						<a href={`/teman/${theme.id}`}>{t("trace.theme.title", { name: theme.name })}</a>
						<CarriedList ctx={ctx} carried={carried} />
					</li>
				))}
			</ul>
		</section>
	);
}

/** A theme's public page: what residents said in it and what rests on it. */
export function PublicThemePage({ ctx, data }: { ctx: PageContext; data: PublicTheme }) {
	const { t, lang } = ctx;
	const { theme, trace } = data;
	return (
		<>
			<p>
				<a href="/vision">{t("trace.backToVision")}</a>
			</p>
			<h1>{t("trace.theme.title", { name: theme.name })}</h1>
			{theme.description && <Paragraphs text={theme.description} lang={storedLang(ctx)} />}
			<p class="lead">{t("trace.builtOn", { inputs: formatNumber(lang, trace.inputs), participants: formatNumber(lang, trace.participants) })}</p>
			<h2>{t("trace.carries")}</h2>
			<CarriedList ctx={ctx} carried={data.carried} />
			<h2>{t("trace.quotes")}</h2>
			{trace.quotes.length > 0 ? <Quotes ctx={ctx} quotes={trace.quotes} /> : <p>{t("trace.noQuotes")}</p>}
			<p class="meta">{t("trace.note")}</p>
		</>
	);
}

/** The analyst's page for linking a focus area or a vision proposal to the themes it rests on, with who linked each and when. */
export function ThemeLinksPage(props: {
	ctx: PageContext;
	heading: string;
	publicHref: string;
	back: { href: string; label: string };
	action: string;
	data: ThemeLinks;
	form?: FormState;
	checked?: string[];
}) {
	const { ctx, data } = props;
	const { t, lang } = ctx;
	const form = props.form ?? formState();
	const checked = props.checked ?? data.chosen.map((c) => c.themeId);
	const names = new Map(data.themes.map((th) => [th.id, th.name]));
	const legend = t("trace.links.field");
	return (
		<>
			<p>
				<a href={props.back.href}>{props.back.label}</a>
			</p>
			<h1>{props.heading}</h1>
			<p>{t("trace.links.intro")}</p>
			<p>
				<a href={props.publicHref}>{t("trace.links.public")}</a>
			</p>
			<h2>{t("trace.links.now")}</h2>
			{data.chosen.length === 0 ? (
				<p>{t("trace.links.none")}</p>
			) : (
				<TableScroll label={t("trace.links.now")}>
					<table>
						<caption class="visually-hidden">{t("trace.links.now")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("synthesis.col.theme")}</th>
								<th scope="col">{t("trace.col.linkedBy")}</th>
								<th scope="col">{t("trace.col.linkedAt")}</th>
							</tr>
						</thead>
						<tbody>
							{data.chosen.map((c) => (
								<tr key={c.themeId}>
									<th scope="row">
										<a href={`/analys/teman/${c.themeId}`}>{names.get(c.themeId) ?? c.themeId}</a>
									</th>
									<td>{c.linkedBy ?? "–"}</td>
									<td>{formatDateTime(lang, c.linkedAt)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<h2>{t("trace.links.change")}</h2>
			<Form ctx={ctx} form={form} action={props.action} labels={{ [themeLinksField]: legend }} submit={t("trace.links.submit")}>
				<CheckboxGroup
					ctx={ctx}
					form={form}
					name={themeLinksField}
					legend={legend}
					options={data.themes.map((th) => ({ id: th.id, name: `${th.name} (${t("trace.inputCount", { n: formatNumber(lang, th.inputs) })})` }))}
					checked={checked}
					empty={t("synthesis.themes.none")}
				/>
			</Form>
		</>
	);
}

/** The analyst's list of focus areas, each with how many themes it rests on, and a way to the vision proposals. */
export function FocusAreaLinksPage({ ctx, areas }: { ctx: PageContext; areas: Awaited<ReturnType<typeof focusAreaLinksPage>> }) {
	const { t, lang } = ctx;
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{t("trace.areas.title")}</h1>
			<p>{t("trace.areas.intro")}</p>
			{areas.length === 0 ? (
				<p>{t("trace.areas.none")}</p>
			) : (
				<ul>
					{areas.map((a) => (
						<li key={a.id}>
							<a href={`/analys/fokusomraden/${a.id}`}>{a.name}</a> ({t("trace.themeCount", { n: formatNumber(lang, a.themes) })})
						</li>
					))}
				</ul>
			)}
			<p>
				<a href="/analys/visionsforslag">{t("trace.proposals.link")}</a>
			</p>
		</>
	);
}
