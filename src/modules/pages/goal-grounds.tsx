// What a goal rests on, shown on its page: the vision in force (to its proposal's page) and what residents said in the
// goal's focus area. Goals may not use synthesis or proposals' pages directly, so the composition layer adds it.
import type { Db } from "../../db/client.js";
import { formatNumber } from "../../i18n/i18n.js";
import { cachedRead } from "../../lib/read-cache.js";
import type { PageContext } from "../../ui/context.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { visionPage } from "../proposals/index.js";
import { focusAreaTrace } from "../synthesis/index.js";

/** The vision in force and the inputs behind a focus area, for the pages of the goals in it. */
export async function goalGrounds(db: Db, focusAreaId: string) {
	return cachedRead(db, `pages.goalGrounds:${focusAreaId}`, async () => {
		const [{ vision }, areas, trace] = await Promise.all([visionPage(db), focusAreaChoices(db), focusAreaTrace(db, focusAreaId)]);
		return {
			vision: vision ? { title: vision.title, href: vision.proposalId ? `/vision/forslag/${vision.proposalId}` : "/vision" } : null,
			area: areas.find((a) => a.id === focusAreaId) ?? null,
			inputs: trace.inputs,
			participants: trace.participants,
		};
	});
}

/** The goal's way back: the vision it works towards, and one click to what residents said in its focus area. */
export function GoalGrounds({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof goalGrounds>> }) {
	const { t, lang } = ctx;
	const { area, vision } = data;
	if (!area) return null;
	return (
		<section aria-labelledby="goal-grounds">
			<h2 id="goal-grounds">{t("trace.goal.heading")}</h2>
			{vision && (
				<p>
					{t("trace.goal.vision")} <a href={vision.href}>{vision.title}</a>.
				</p>
			)}
			<p>
				{data.inputs > 0
					? t("trace.goal.area", { area: area.name, inputs: formatNumber(lang, data.inputs), participants: formatNumber(lang, data.participants) })
					: t("trace.goal.areaNone", { area: area.name })}{" "}
				{data.inputs > 0 && <a href={`/fokusomraden/${area.id}#trace`}>{t("trace.goal.link")}</a>}
			</p>
		</section>
	);
}
