import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../ui/context.js";
import { ErrorSummary, Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import { inputSources } from "../inputs/index.js";
import type { analystsPage, coveragePage, tagPage, themePage, workspace } from "./synthesis.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

type Workspace = Awaited<ReturnType<typeof workspace>>;
type ThemeData = Awaited<ReturnType<typeof themePage>>;
type TagData = Awaited<ReturnType<typeof tagPage>>;
type Analysts = Awaited<ReturnType<typeof analystsPage>>;
type Coverage = Awaited<ReturnType<typeof coveragePage>>;

const empty = formState();

function themeLabels(ctx: PageContext) {
	return { name: ctx.t("synthesis.field.name"), description: ctx.t("synthesis.field.description") };
}

/** A short form of an input's text for a checkbox's accessible name. */
function excerpt(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A checkbox that chooses one input; the first carries the id the error summary links to. */
export function InputCheckbox({ ctx, id, text, first }: { ctx: PageContext; id: string; text: string; first: boolean }) {
	return <input type="checkbox" name="inputIds" value={id} id={first ? "field-inputIds" : `input-${id}`} aria-label={ctx.t("synthesis.chooseInput", { text: excerpt(text) })} />;
}

/**
 * Inputs to choose from, as the theme page, the tagging list and assisted tagging show them: a checkbox, the text,
 * then the page's own columns.
 */
export function ChoosableInputs(props: { ctx: PageContext; caption: string; hideCaption?: boolean; columns: string[]; rows: { id: string; text: string; cells: ComponentChildren[] }[] }) {
	const { ctx, columns } = props;
	const { t } = ctx;
	return (
		<TableScroll label={props.caption}>
			<table>
				<caption class={props.hideCaption ? "visually-hidden" : undefined}>{props.caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t("synthesis.choose")}</th>
						<th scope="col">{t("synthesis.col.text")}</th>
						{columns.map((c) => (
							<th key={c} scope="col">
								{c}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{props.rows.map((r, i) => (
						<tr key={r.id}>
							<td>
								<InputCheckbox ctx={ctx} id={r.id} text={r.text} first={i === 0} />
							</td>
							<td>{r.text}</td>
							{r.cells.map((cell, n) => (
								<td key={columns[n]}>{cell}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</TableScroll>
	);
}

/** The analyst's workspace: the themes with their sizes and a form for a new theme. */
export function WorkspacePage({ ctx, data, form = empty }: { ctx: PageContext; data: Workspace; form?: FormState }) {
	const { t, lang } = ctx;
	return (
		<>
			<h1>{t("synthesis.title")}</h1>
			<PageHelp ctx={ctx} page="analysis" />
			<p class="lead">{t("synthesis.intro")}</p>
			<ul class="inline-list">
				<li>
					<a href="/analys/inspel">{t("synthesis.nav.tag")}</a>
				</li>
				<li>
					<a href="/analys/import">{t("synthesis.nav.import")}</a>
				</li>
				<li>
					<a href="/analys/forslag">{t("synthesis.nav.suggest")}</a>
				</li>
				<li>
					<a href="/analys/tackning">{t("synthesis.nav.coverage")}</a>
				</li>
				<li>
					<a href="/analys/fokusomraden">{t("synthesis.nav.trace")}</a>
				</li>
				{data.manageAnalysts && (
					<li>
						<a href="/analys/analytiker">{t("synthesis.nav.analysts")}</a>
					</li>
				)}
			</ul>
			<h2>{t("synthesis.themes")}</h2>
			{data.themes.length === 0 ? (
				<p>{t("synthesis.themes.none")}</p>
			) : (
				<TableScroll label={t("synthesis.themes.table")}>
					<table>
						<caption>{t("synthesis.themes.table")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("synthesis.col.theme")}</th>
								<th scope="col">{t("synthesis.col.description")}</th>
								<th scope="col">{t("synthesis.col.inputs")}</th>
							</tr>
						</thead>
						<tbody>
							{data.themes.map((theme) => (
								<tr key={theme.id}>
									<th scope="row">
										<a href={`/analys/teman/${theme.id}`}>{theme.name}</a>
									</th>
									<td>{theme.description}</td>
									<td>{formatNumber(lang, theme.inputs)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<h2 id="new-theme">{t("synthesis.newTheme")}</h2>
			<Form ctx={ctx} form={form} action="/analys/teman" labels={themeLabels(ctx)} submit={t("synthesis.create")}>
				<TextField ctx={ctx} form={form} name="name" label={t("synthesis.field.name")} required maxLength={120} />
				<TextArea ctx={ctx} form={form} name="description" label={t("synthesis.field.description")} rows={3} />
			</Form>
		</>
	);
}

/** One theme: rename, merge, its inputs with who tagged them (to split off or remove), and its history. */
export function ThemePage({ ctx, data, form = empty, formName }: { ctx: PageContext; data: ThemeData; form?: FormState; formName?: "rename" | "merge" | "inputs" }) {
	const { t, lang } = ctx;
	const { theme } = data;
	const formFor = (name: string) => (formName === name ? form : undefined);
	const renameForm = formFor("rename") ?? formState({ name: theme.name, description: theme.description });
	const mergeForm = formFor("merge") ?? empty;
	const inputsForm = formFor("inputs") ?? empty;
	const live = !theme.mergedIntoId;
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{theme.name}</h1>
			{theme.description && <p>{theme.description}</p>}
			{!live && <ErrorSummary ctx={ctx} form={form} labels={{}} />}
			{data.mergedInto && (
				<p class="notice">
					<a href={`/analys/teman/${data.mergedInto.id}`}>{t("synthesis.theme.merged", { name: data.mergedInto.name })}</a>
				</p>
			)}
			<h2>{t("synthesis.theme.inputs", { n: formatNumber(lang, data.inputs.length) })}</h2>
			{data.inputs.length === 0 ? (
				<p>{t("synthesis.theme.inputs.none")}</p>
			) : (
				<form method="post" action={`/analys/teman/${theme.id}/dela`} novalidate>
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					<ErrorSummary ctx={ctx} form={inputsForm} labels={{ newName: t("synthesis.theme.split.name"), newDescription: t("synthesis.field.description"), inputIds: t("synthesis.col.text") }} />
					<ChoosableInputs
						ctx={ctx}
						caption={t("synthesis.theme.inputs", { n: data.inputs.length })}
						hideCaption
						columns={[t("synthesis.col.locality"), t("synthesis.col.taggedBy"), t("synthesis.col.taggedAt")]}
						rows={data.inputs.map((input) => ({
							id: input.id,
							text: input.text,
							cells: [input.locality ?? "–", (input.taggedBy && data.names.get(input.taggedBy)) ?? "–", formatDateTime(lang, input.taggedAt)],
						}))}
					/>
					{live && (
						<>
							<h3>{t("synthesis.theme.split")}</h3>
							<TextField ctx={ctx} form={inputsForm} name="newName" label={t("synthesis.theme.split.name")} required maxLength={120} />
							<TextArea ctx={ctx} form={inputsForm} name="newDescription" label={t("synthesis.field.description")} rows={2} />
							<button type="submit">{t("synthesis.theme.split.submit")}</button>{" "}
							<button type="submit" class="secondary" formaction={`/analys/teman/${theme.id}/ta-bort-inspel`}>
								{t("synthesis.theme.untag")}
							</button>
						</>
					)}
				</form>
			)}
			{live && (
				<>
					<h2>{t("synthesis.theme.rename")}</h2>
					<Form ctx={ctx} form={renameForm} action={`/analys/teman/${theme.id}`} labels={themeLabels(ctx)}>
						<TextField ctx={ctx} form={renameForm} name="name" label={t("synthesis.field.name")} required maxLength={120} />
						<TextArea ctx={ctx} form={renameForm} name="description" label={t("synthesis.field.description")} rows={3} />
					</Form>
					{/* A refused merge shows its form again with the message, even when no other theme is left to choose. */}
					{(data.others.length > 0 || mergeForm.errors.targetId) && (
						<>
							<h2>{t("synthesis.theme.merge")}</h2>
							<p>{t("synthesis.theme.merge.hint")}</p>
							<Form ctx={ctx} form={mergeForm} action={`/analys/teman/${theme.id}/sla-ihop`} labels={{ targetId: t("synthesis.field.target") }} submit={t("synthesis.theme.merge.submit")}>
								<SelectField ctx={ctx} form={mergeForm} name="targetId" label={t("synthesis.field.target")} required options={data.others.map((o) => ({ value: o.id, label: o.name }))} />
							</Form>
						</>
					)}
				</>
			)}
			<h2>{t("synthesis.theme.history")}</h2>
			<ul>
				{data.events.map((e) => (
					<li key={e.id}>
						{t(`synthesis.event.${e.action}`, { detail: e.detail })} – {(e.actorId && data.names.get(e.actorId)) ?? "–"}, {formatDateTime(lang, e.at)}
					</li>
				))}
			</ul>
		</>
	);
}

/** The analyst's list of inputs: search and filters, then choose inputs and tag them, or tag every match. */
export function TagPage({ ctx, data, form = empty }: { ctx: PageContext; data: TagData; form?: FormState }) {
	const { t, lang } = ctx;
	const { query } = data;
	const filters = formState({ q: query.q ?? "", source: query.source ?? "", locality: query.locality ?? "", theme: query.theme ?? "" });
	const themeOptions = data.themes.map((th) => ({ value: th.id, label: th.name }));
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{t("synthesis.tag.title")}</h1>
			<p>{t("synthesis.tag.intro")}</p>
			<form method="get" action="/analys/inspel" class="filters">
				<TextField ctx={ctx} form={filters} name="q" label={t("input.field.q")} hint={t("input.field.q.hint")} />
				<SelectField ctx={ctx} form={filters} name="source" label={t("input.field.source")} options={inputSources.map((s) => ({ value: s, label: t(`input.source.${s}`) }))} />
				<SelectField ctx={ctx} form={filters} name="locality" label={t("input.field.locality")} options={data.localities.map((l) => ({ value: l, label: l }))} />
				<SelectField
					ctx={ctx}
					form={filters}
					name="theme"
					label={t("synthesis.filter.theme")}
					options={[
						{ value: "untagged", label: t("synthesis.filter.untagged") },
						{ value: "offTopic", label: t("synthesis.filter.offTopic") },
						...data.themes.map((th) => ({ value: th.id, label: t("synthesis.filter.inTheme", { name: th.name }) })),
					]}
				/>
				<button type="submit">{t("synthesis.search")}</button>
			</form>
			<p role="status">{t("synthesis.tag.count", { n: formatNumber(lang, data.total), shown: formatNumber(lang, data.rows.length) })}</p>
			{data.rows.length > 0 && (
				<form method="post" action="/analys/inspel/tagga" novalidate>
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					{Object.entries(filters.values).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
					<ErrorSummary ctx={ctx} form={form} labels={{ themeId: t("synthesis.field.theme"), inputIds: t("synthesis.col.text") }} />
					{form.errors.inputIds && (
						<p class="field-error" id="error-inputIds">
							{translateMsg(t, form.errors.inputIds)}
						</p>
					)}
					<ChoosableInputs
						ctx={ctx}
						caption={t("synthesis.tag.table")}
						columns={[t("synthesis.col.source"), t("synthesis.col.locality"), t("synthesis.col.themes")]}
						rows={data.rows.map((r) => ({
							id: r.id,
							text: r.text,
							cells: [
								t(`input.source.${r.source}`),
								r.locality ?? "–",
								<>
									{r.themes.map((th) => th.name).join(", ")}
									{r.offTopic && <em>{t("synthesis.offTopic")}</em>}
								</>,
							],
						}))}
					/>
					<fieldset>
						<legend>{t("synthesis.tag.actions")}</legend>
						<SelectField ctx={ctx} form={form} name="themeId" label={t("synthesis.field.theme")} options={themeOptions} />
						<button type="submit">{t("synthesis.tag.submit")}</button>{" "}
						<button type="submit" formaction="/analys/inspel/tagga-alla">
							{t("synthesis.tag.all", { n: formatNumber(lang, data.total) })}
						</button>{" "}
						<button type="submit" class="secondary" formaction="/analys/inspel/utanfor">
							{t("synthesis.tag.offTopic")}
						</button>{" "}
						<button type="submit" class="secondary" formaction="/analys/inspel/tillbaka">
							{t("synthesis.tag.onTopic")}
						</button>
					</fieldset>
				</form>
			)}
		</>
	);
}

/** The coordinator's list of analysts, with a form to add one. */
export function AnalystsPage({ ctx, rows, form = empty }: { ctx: PageContext; rows: Analysts; form?: FormState }) {
	const { t, lang } = ctx;
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{t("synthesis.analysts.title")}</h1>
			<p>{t("synthesis.analysts.intro")}</p>
			{rows.length === 0 ? (
				<p>{t("synthesis.analysts.none")}</p>
			) : (
				<TableScroll label={t("synthesis.analysts.table")}>
					<table>
						<caption>{t("synthesis.analysts.table")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("synthesis.col.person")}</th>
								<th scope="col">{t("synthesis.col.grantedBy")}</th>
								<th scope="col">{t("synthesis.col.grantedAt")}</th>
								<th scope="col">
									<span class="visually-hidden">{t("synthesis.choose")}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => {
								const name = r.person.name || r.person.email;
								return (
									<tr key={r.userId}>
										<th scope="row">{name}</th>
										<td>{r.grantedByName ?? "–"}</td>
										<td>{formatDateTime(lang, r.grantedAt)}</td>
										<td>
											<form method="post" action={`/analys/analytiker/${r.userId}/ta-bort`} class="inline-form">
												<input type="hidden" name="_csrf" value={ctx.csrfToken} />
												<button type="submit" class="secondary">
													{t("synthesis.analysts.remove", { name })}
												</button>
											</form>
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
				</TableScroll>
			)}
			<h2>{t("synthesis.analysts.add")}</h2>
			<Form ctx={ctx} form={form} action="/analys/analytiker" labels={{ email: t("synthesis.field.email") }} submit={t("synthesis.analysts.submit")}>
				<TextField ctx={ctx} form={form} name="email" type="email" label={t("synthesis.field.email")} hint={t("synthesis.field.email.hint")} required autocomplete="email" />
			</Form>
		</>
	);
}

/** Values with their counts, e.g. "Norsjö 12, Bastuträsk 3"; a missing value is named as unknown. */
function Spread({ ctx, rows, label }: { ctx: PageContext; rows: { value: string | null; count: number }[]; label?: (v: string) => string }) {
	if (rows.length === 0) return <>–</>;
	return <>{rows.map((r) => `${r.value === null ? ctx.t("synthesis.coverage.unknown") : label ? label(r.value) : r.value} ${formatNumber(ctx.lang, r.count)}`).join(", ")}</>;
}

/** Coverage: how much is tagged, where each theme's inputs come from, and a way to the inputs that fit no theme. */
export function CoveragePage({ ctx, data }: { ctx: PageContext; data: Coverage }) {
	const { t, lang } = ctx;
	const { total, tagged, offTopic } = data.totals;
	const untagged = total - tagged - offTopic;
	const share = total === 0 ? 0 : (100 * tagged) / total;
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{t("synthesis.coverage.title")}</h1>
			<p>{t("synthesis.coverage.intro")}</p>
			<dl class="facts">
				<dt>{t("synthesis.coverage.tagged")}</dt>
				<dd>{t("synthesis.coverage.share", { tagged: formatNumber(lang, tagged), total: formatNumber(lang, total), share: formatNumber(lang, share, 1) })}</dd>
				<dt>{t("synthesis.filter.offTopic")}</dt>
				<dd>{formatNumber(lang, offTopic)}</dd>
				<dt>{t("synthesis.coverage.untagged")}</dt>
				<dd>
					<a href="/analys/inspel?theme=untagged">{t("synthesis.coverage.untaggedLink", { n: formatNumber(lang, untagged) })}</a>
				</dd>
			</dl>
			{data.themes.length > 0 && (
				<TableScroll label={t("synthesis.coverage.table")}>
					<table>
						<caption>{t("synthesis.coverage.table")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("synthesis.col.theme")}</th>
								<th scope="col">{t("synthesis.col.inputs")}</th>
								<th scope="col">{t("synthesis.col.source")}</th>
								<th scope="col">{t("synthesis.col.locality")}</th>
								<th scope="col">{t("input.col.ageBand")}</th>
							</tr>
						</thead>
						<tbody>
							{data.themes.map((theme) => (
								<tr key={theme.id}>
									<th scope="row">
										<a href={`/analys/teman/${theme.id}`}>{theme.name}</a>
									</th>
									<td>{formatNumber(lang, theme.inputs)}</td>
									<td>
										<Spread ctx={ctx} rows={theme.sources} label={(v) => t(`input.source.${v}`)} />
									</td>
									<td>
										<Spread ctx={ctx} rows={theme.localities} />
									</td>
									<td>
										<Spread ctx={ctx} rows={theme.ageBands} />
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
			<Orphans ctx={ctx} orphans={data.orphans} />
		</>
	);
}

/** The untagged inputs least like any theme, so that views no theme holds are read before proposals are written. */
function Orphans({ ctx, orphans }: { ctx: PageContext; orphans: Coverage["orphans"] }) {
	const { t, lang } = ctx;
	return (
		<section aria-labelledby="orphans">
			<h2 id="orphans">{t("synthesis.coverage.orphans")}</h2>
			{!orphans ? (
				<p>
					{t("synthesis.coverage.orphans.noRun")} <a href="/analys/forslag#assist">{t("synthesis.assist.title")}</a>
				</p>
			) : orphans.rows.length === 0 ? (
				<p>{t("synthesis.coverage.orphans.none")}</p>
			) : (
				<>
					<p>{t("synthesis.coverage.orphans.intro", { at: formatDateTime(lang, orphans.at) })}</p>
					<TableScroll label={t("synthesis.coverage.orphans.table", { n: formatNumber(lang, orphans.rows.length) })}>
						<table>
							<caption>{t("synthesis.coverage.orphans.table", { n: formatNumber(lang, orphans.rows.length) })}</caption>
							<thead>
								<tr>
									<th scope="col">{t("synthesis.col.text")}</th>
									<th scope="col">{t("synthesis.col.source")}</th>
									<th scope="col">{t("synthesis.col.locality")}</th>
									<th scope="col">{t("synthesis.coverage.orphans.nearest")}</th>
									<th scope="col">{t("synthesis.coverage.orphans.fit")}</th>
								</tr>
							</thead>
							<tbody>
								{orphans.rows.map((r) => (
									<tr key={r.inputId}>
										<td lang={lang === "sv" ? undefined : "sv"}>{r.text}</td>
										<td>{t(`input.source.${r.source}`)}</td>
										<td>{r.locality ?? "–"}</td>
										<td>{r.themeId ? <a href={`/analys/teman/${r.themeId}`}>{r.nearest}</a> : r.nearest}</td>
										<td>{formatNumber(lang, Math.round(100 * (r.fit ?? 0)))} %</td>
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
				</>
			)}
		</section>
	);
}
