import { formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import type { ResultRow } from "./surveys.results.js";

const width = 640;
const barHeight = 22;
const gap = 8;
const labelWidth = 220;

/** A horizontal bar chart drawn as SVG on the server; it carries a title and each bar's numbers as text. */
export function BarChart({ ctx, id, title, rows }: { ctx: PageContext; id: string; title: string; rows: ResultRow[] }) {
	const height = rows.length * (barHeight + gap) + gap;
	const max = Math.max(1, ...rows.map((r) => r.count));
	const barSpace = width - labelWidth - 110;
	return (
		<svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${width} ${height}`} class="bar-chart" width="100%" preserveAspectRatio="xMinYMin meet">
			<title id={`${id}-title`}>{title}</title>
			{rows.map((r, i) => {
				const y = gap + i * (barHeight + gap);
				const w = Math.round((r.count / max) * barSpace);
				return (
					<g key={i}>
						<text x={labelWidth - 8} y={y + barHeight * 0.7} text-anchor="end" class="bar-label">
							{r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
						</text>
						<rect x={labelWidth} y={y} width={Math.max(w, 1)} height={barHeight} class="bar" />
						<text x={labelWidth + w + 6} y={y + barHeight * 0.7} class="bar-value">
							{`${formatNumber(ctx.lang, r.count)} (${formatNumber(ctx.lang, r.share * 100, 1)} %)`}
						</text>
					</g>
				);
			})}
		</svg>
	);
}
