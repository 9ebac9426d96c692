import type { ComponentChildren } from "preact";
import { formatDate, formatNumber } from "../../i18n/i18n.js";
import { Steps } from "../../ui/components.js";
import type { PageContext } from "../../ui/context.js";
import { Paragraphs } from "../../ui/text.js";
import type { ItemSummary } from "../decisions/index.js";
import type { startPage } from "../programmes/index.js";

type StartPageData = Awaited<ReturnType<typeof startPage>> & { decisions: ItemSummary[] };

/** Where a phase stands today: done, now or coming. */
function phaseState(phase: { startsOn: string; endsOn: string | null }, today: string): "done" | "now" | "coming" {
	if (phase.startsOn > today) return "coming";
	if (phase.endsOn && phase.endsOn < today) return "done";
	return "now";
}

/** A phase's years on the step indicator: "2018" or "2018–2019". */
const formatDateRangeShort = (from: string, to: string) => (from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`);

/** Whether a date falls within a phase. */
const inPhase = (date: string, phase: { startsOn: string; endsOn: string | null }) => date >= phase.startsOn && (!phase.endsOn || date <= phase.endsOn);

/** Key decisions on the timeline, each with its date and a link to the decision. */
function KeyDecisions({ ctx, items }: { ctx: PageContext; items: ItemSummary[] }) {
	const { t, lang } = ctx;
	if (items.length === 0) return null;
	return (
		<ul class="timeline-decisions" aria-label={t("programme.keyDecisions")}>
			{items.map((d) => (
				<li key={d.id}>
					<time dateTime={d.decidedOn}>{formatDate(lang, d.decidedOn)}</time>:{" "}
					<a href={`/beslut/paragrafer/${d.id}`}>{t("programme.keyDecision", { body: d.bodyName, paragraph: d.paragraph, title: d.title })}</a>
				</li>
			))}
		</ul>
	);
}

/** The programme's start page: what it is, what one can do now (`now`, composed by the pages module), its phases and facts. */
export function StartPage({ ctx, data, today, now }: { ctx: PageContext; data: StartPageData; today: string; now?: ComponentChildren }) {
	const { t, lang } = ctx;
	const p = data.programme;
	return (
		<>
			<h1>{p.name}</h1>
			{p.summary && <p class="lead">{p.summary}</p>}
			{now}
			<Paragraphs text={p.description} />
			<section aria-labelledby="facts-title">
				<h2 id="facts-title">{t("programme.facts")}</h2>
				<dl class="facts">
					<dt>{t("programme.community")}</dt>
					<dd>{p.community}</dd>
					<dt>{t("programme.population")}</dt>
					<dd>
						{t("programme.populationFact", {
							population: formatNumber(lang, p.population),
							date: formatDate(lang, p.populationDate),
							source: p.populationSource,
						})}
					</dd>
					<dt>{t("programme.horizon")}</dt>
					<dd>{t("programme.horizonFact", { year: p.horizonYear })}</dd>
					<dt>{t("programme.coordinator")}</dt>
					<dd>{data.coordinatorName ?? t("programme.noCoordinator")}</dd>
				</dl>
			</section>
			<section aria-labelledby="timeline-title">
				<h2 id="timeline-title">{t("programme.timeline")}</h2>
				<Steps
					label={t("programme.phasesAtAGlance")}
					steps={data.phases.map((phase) => {
						const state = phaseState(phase, today);
						return { name: phase.name, state, stateLabel: t(`programme.phase.${state}`), meta: phase.endsOn ? formatDateRangeShort(phase.startsOn, phase.endsOn) : phase.startsOn.slice(0, 4) };
					})}
				/>
				<ol class="timeline">
					{data.phases.map((phase) => {
						const state = phaseState(phase, today);
						return (
							<li key={phase.id} class={`phase phase-${state}`}>
								<h3>{phase.name}</h3>
								<p class="phase-meta">
									<span class="phase-state">{t(`programme.phase.${state}`)}</span>
									{" · "}
									{phase.endsOn
										? t("programme.phase.dates", { from: formatDate(lang, phase.startsOn), to: formatDate(lang, phase.endsOn) })
										: t("programme.phase.from", { from: formatDate(lang, phase.startsOn) })}
								</p>
								{phase.description && <p>{phase.description}</p>}
								<KeyDecisions ctx={ctx} items={data.decisions.filter((d) => inPhase(d.decidedOn, phase))} />
							</li>
						);
					})}
				</ol>
				<KeyDecisions ctx={ctx} items={data.decisions.filter((d) => !data.phases.some((phase) => inPhase(d.decidedOn, phase)))} />
			</section>
			<section aria-labelledby="more-title">
				<h2 id="more-title">{t("programme.takePart")}</h2>
				<ul>
					<li>
						<a href="/vision">{t("programme.link.vision")}</a>
					</li>
					<li>
						<a href="/fokusomraden">{t("programme.link.focusAreas")}</a>
					</li>
					<li>
						<a href="/aktorer">{t("programme.link.organisations")}</a>
					</li>
					<li>
						<a href="/mal">{t("programme.link.goals")}</a>
					</li>
					<li>
						<a href="/initiativ">{t("programme.link.initiatives")}</a>
					</li>
					<li>
						<a href="/arenor">{t("programme.link.arenas")}</a>
					</li>
					<li>
						<a href="/beslut">{t("programme.link.decisions")}</a>
					</li>
				</ul>
			</section>
		</>
	);
}
