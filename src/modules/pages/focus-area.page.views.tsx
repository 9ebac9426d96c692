// The view of a focus area's public page (focus-area.page.ts): the area, and the lists other modules draw for it.
import { PageSections } from "../../ui/sections.js";
import { Fragment } from "preact";
import { formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Paragraphs } from "../../ui/text.js";
import { ArenaMeetingList } from "../arenas/index.js";
import { RelatedGoals } from "../collaboration/index.js";
import { ConcerningDecisions } from "../decisions/index.js";
import { countText } from "../focus-areas/index.js";
import { GoalList, ownerHref } from "../goals/index.js";
import { LatestValues } from "../indicators/index.js";
import { InitiativeList } from "../initiatives/index.js";
import type { focusAreaPageData } from "./focus-area.page.js";

type FocusAreaPageData = Awaited<ReturnType<typeof focusAreaPageData>>;

/** One focus area: its description, the actors working in it and their goals, joint initiatives, indicators, arena meetings and decisions. */
export function FocusAreaPage({ ctx, data }: { ctx: PageContext; data: FocusAreaPageData }) {
	const { t } = ctx;
	const { area } = data;
	return (
		<>
			<p>
				<a href="/fokusomraden">{t("focusArea.back")}</a>
			</p>
			<h1>{area.name}</h1>
			<Paragraphs text={area.description} />
			<PageSections ctx={ctx} sections={data.sections} />
			{data.grounding.length > 0 && (
				<section aria-labelledby="focus-area-grounding">
					<h2 id="focus-area-grounding">{t("focusArea.grounding")}</h2>
					<p>{t("focusArea.groundingText")}</p>
					<ul>
						{data.grounding.map((g) => (
							<li key={g.source}>{t("focusArea.groundingCount", { source: t(`input.source.${g.source}`), count: formatNumber(ctx.lang, g.count) })}</li>
						))}
					</ul>
				</section>
			)}
			<h2>{t("focusArea.organisations")}</h2>
			<p>{countText(ctx, area.organisations.length)}</p>
			{area.organisations.length > 0 && (
				<ul>
					{area.organisations.map((o) => (
						<li key={o.id}>
							<a href={`/aktorer/${o.id}`}>{o.name}</a>
						</li>
					))}
				</ul>
			)}
			<section aria-labelledby="focus-area-goals">
				<h2 id="focus-area-goals">{t("focusArea.goals")}</h2>
				{data.goalGroups.length === 0 ? (
					<p>{t("focusArea.noGoals")}</p>
				) : (
					data.goalGroups.map((g) => (
						<Fragment key={`${g.owner.type}:${g.owner.id}`}>
							<h3>
								<a href={ownerHref(g.owner)}>{g.owner.name}</a>
							</h3>
							<GoalList ctx={ctx} goals={g.goals} showOwner={false} caption={t("focusArea.goalsOf", { name: g.owner.name })} />
						</Fragment>
					))
				)}
			</section>
			<section aria-labelledby="focus-area-initiatives">
				<h2 id="focus-area-initiatives">{t("focusArea.initiatives")}</h2>
				<InitiativeList ctx={ctx} rows={data.initiatives} level={3} />
			</section>
			<section aria-labelledby="focus-area-indicators">
				<h2 id="focus-area-indicators">{t("focusArea.indicators")}</h2>
				{data.indicators.length === 0 ? (
					<p>{t("focusArea.noIndicators")}</p>
				) : (
					<ul>
						{data.indicators.map((i) => (
							<li key={i.id}>
								{i.title}
								{i.unit && ` (${i.unit})`}
								{i.koladaKpi && <span class="meta"> {t("focusArea.koladaKpi", { kpi: i.koladaKpi })}</span>}
								<LatestValues ctx={ctx} indicator={i} />
							</li>
						))}
					</ul>
				)}
			</section>
			<ArenaMeetingList ctx={ctx} meetings={data.meetings} headingId="focus-area-meetings" none={t("focusArea.noMeetings")} />
			{data.related.length > 0 && <RelatedGoals ctx={ctx} goals={data.related} headingId="focus-area-related" />}
			<ConcerningDecisions ctx={ctx} items={data.decisions} headingId="focus-area-decisions" />
		</>
	);
}
