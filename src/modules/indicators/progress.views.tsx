// A goal's computed progress as it is shown wherever goals are followed up: a word and an icon, with the rule and
// the numbers behind it, so that anyone can check the judgement.
import { formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import type { Progress } from "./progress.js";

const num = (ctx: PageContext, n: number | null | undefined) => (n === null || n === undefined ? "–" : formatNumber(ctx.lang, n, Number.isInteger(n) ? 0 : 2));

const progressIcons = { on_track: "✓", at_risk: "⚠", off_track: "✗", no_data: "–" } as const;

/** A computed progress as icon and text with the rule and numbers behind it. */
export function ProgressNote({ ctx, progress, indicatorTitle }: { ctx: PageContext; progress: Progress; indicatorTitle: string }) {
	const { t } = ctx;
	const { baseline, target, better, latest } = progress.input;
	return (
		<p class="progress">
			<span class={`goal-status goal-status-${progress.state}`}>
				<span aria-hidden="true">{progressIcons[progress.state]}</span> {t(`indicator.progress.${progress.state}`)}
			</span>{" "}
			<span class="meta">
				{progress.state === "no_data" || !baseline || !target || !latest || !better
					? t("indicator.progress.noRule")
					: t("indicator.progress.rule", {
							indicator: indicatorTitle,
							baseline: num(ctx, baseline.value),
							baselineYear: baseline.year,
							target: num(ctx, target.value),
							targetYear: target.year,
							better: t(`indicator.progress.better.${better}`),
							expected: num(ctx, progress.expected),
							latest: num(ctx, latest.value),
							year: latest.year,
						})}
			</span>
		</p>
	);
}

