import type { ComponentChildren } from "preact";
import type { PageContext } from "./context.js";
import type { ChartSvg } from "./charts.js";

/** The states a badge can show; the word carries the meaning, the colour only repeats it. */
export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

/** A short status in words (Öppen, Stängd, På väg …) with a tone that repeats it in colour. */
export function Badge(props: { tone?: BadgeTone; children: ComponentChildren }) {
	return <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}

/** A card with a heading, a few lines, and one clear action: a link styled as a button. */
export function Card(props: { heading: string; badge?: ComponentChildren; action?: { href: string; label: string }; children?: ComponentChildren }) {
	return (
		<li class="card">
			{props.badge}
			<h3>{props.heading}</h3>
			{props.children}
			{props.action && (
				<p class="card-action">
					<a class="button" href={props.action.href}>
						{props.action.label}
					</a>
				</p>
			)}
		</li>
	);
}

/** One step of a step indicator: its name, whether it is done, now or next, and a line under it (dates). */
export type Step = { name: string; state: "done" | "now" | "coming"; stateLabel: string; meta: string };

/** The programme's phases as a row of steps (a column on a phone); the current one is marked for screen readers too. */
export function Steps(props: { label: string; steps: Step[] }) {
	return (
		<ol class="steps" aria-label={props.label}>
			{props.steps.map((s, i) => (
				<li key={i} class={`step step-${s.state}`} aria-current={s.state === "now" ? "step" : undefined}>
					<span class="step-marker" aria-hidden="true">
						{s.state === "done" ? "✓" : i + 1}
					</span>
					<span class="step-name">{s.name}</span>
					<span class="step-meta">
						<span class="visually-hidden">{s.stateLabel}: </span>
						{s.meta}
					</span>
				</li>
			))}
		</ol>
	);
}

/**
 * A chart served as an image of its own (`src(size)` is the address of its narrow or wide SVG drawing): for pages
 * with many charts, whose HTML then stays small and whose charts load as they are scrolled to and stay cached.
 */
export function ChartImage(props: { src: (size: keyof ChartSvg) => string; label: string }) {
	return (
		<picture class="chart">
			<source media="(min-width: 48rem)" srcset={props.src("wide")} />
			<img src={props.src("narrow")} alt={props.label} loading="lazy" />
		</picture>
	);
}

/** A chart rendered on the server (see charts.ts): the narrow drawing on phones, the wide one on larger screens. */
export function Chart(props: { svg: { narrow: string; wide: string } }) {
	return (
		<div class="chart">
			<div class="chart-narrow" dangerouslySetInnerHTML={{ __html: props.svg.narrow }} />
			<div class="chart-wide" dangerouslySetInnerHTML={{ __html: props.svg.wide }} />
		</div>
	);
}

/**
 * What an administration page is for and what happens next, in two or three sentences (help.page.<page>), with a link
 * to where the coordinator's guide (/hjalp) tells the same under the programme's step the page belongs to.
 */
export function PageHelp(props: { ctx: PageContext; page: string }) {
	const { t } = props.ctx;
	return (
		<div class="notice notice-info page-help">
			<p>
				{t(`help.page.${props.page}`)} <a href={`/hjalp#${props.page}`}>{t("help.more")}</a>
			</p>
		</div>
	);
}

/** Links to one table's downloads: Excel (.xlsx), CSV for Swedish Excel (semicolon) and CSV for other tools (comma). */
export function Downloads(props: { ctx: PageContext; xlsx: string; csvExcel: string; csv?: string }) {
	const { t } = props.ctx;
	return (
		<p class="downloads">
			{t("download.label")}: <a href={props.xlsx}>{t("download.xlsx")}</a> · <a href={props.csvExcel}>{t("download.csvExcel")}</a>
			{props.csv && (
				<>
					{" "}
					· <a href={props.csv}>{t("download.csv")}</a>
				</>
			)}
		</p>
	);
}

/** A wide table that scrolls sideways on a narrow screen: a named, focusable region, so keyboard users can scroll it too. */
export function TableScroll(props: { label: string; children: ComponentChildren }) {
	return (
		<section class="table-scroll" aria-label={props.label} tabindex={0}>
			{props.children}
		</section>
	);
}
