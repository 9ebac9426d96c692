// Charts drawn by Apache ECharts' server-side SVG renderer, inlined in the page and followed by a table of the
// same figures. ECharts is imported on the first chart only (the import takes over a second) and rendered charts
// are kept, since the same results page is asked for many times.
import { LRUCache } from "lru-cache";

const rendered = new LRUCache<string, string>({ max: 200 });

const ink = "#1b1b1f";
const line = "#c4c9d0";
// The default brand colour of site.css: 7.6:1 on white, so bars stand out (WCAG 1.4.11 asks 3:1).
const bar = "#0b5a3c";
const fontSize = 14;
// Further series after the brand colour: a blue and an amber, each over 3:1 against white like the first.
const palette = [bar, "#0a4f8a", "#8a5a00"];

/** Two renderings of one chart: narrow for phones and wide for larger screens; CSS shows one of them. */
export type ChartSvg = { narrow: string; wide: string };

/**
 * The page's CSP forbids inline styles: ECharts puts a style attribute on every text (dropped; the font is set
 * once on the root element instead, at the size ECharts laid the text out with) and a <style> of hover effects,
 * which a static chart does not need.
 */
function withoutStyleAttributes(svg: string, label: string): string {
	const escaped = label.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
	return svg
		.replace(/<style[\s\S]*?<\/style>/g, "")
		.replace(/\sstyle="[^"]*"/g, "").replace("<svg ", `<svg role="img" aria-label="${escaped}" font-family="system-ui, sans-serif" font-size="${fontSize}" `);
}

async function render(label: string, option: object, width: number, height: number): Promise<string> {
	const key = JSON.stringify([label, option, width, height]);
	const hit = rendered.get(key);
	if (hit) return hit;
	// Node keeps the module after the first import, so later charts pay nothing for it.
	const lib = await import("echarts");
	const chart = lib.init(null, null, { renderer: "svg", ssr: true, width, height });
	chart.setOption({ animation: false, textStyle: { fontSize, color: ink }, ...option });
	const svg = withoutStyleAttributes(chart.renderToSVGString(), label);
	chart.dispose();
	rendered.set(key, svg);
	return svg;
}

/** Horizontal bars with their full labels (long ones wrap, never cut) and the value at the end of each bar. */
export async function barChart(input: { label: string; rows: { label: string; value: number; text?: string }[]; format: (n: number) => string }): Promise<ChartSvg> {
	// Room after the longest bar for its value's text.
	const right = Math.max(56, 8 * Math.max(...input.rows.map((r) => (r.text ?? input.format(r.value)).length)));
	const option = (labelWidth: number) => ({
		grid: { left: 8, right, top: 8, bottom: 8, containLabel: true },
		xAxis: { type: "value", show: false },
		yAxis: {
			type: "category",
			inverse: true,
			data: input.rows.map((r) => r.label),
			axisTick: { show: false },
			axisLine: { lineStyle: { color: line } },
			axisLabel: { width: labelWidth, overflow: "break", color: ink, lineHeight: 18 },
		},
		series: [
			{
				type: "bar",
				// Each value's text is formatted here (sv-SE or en-GB), so the option stays plain data and can key the cache.
				data: input.rows.map((r) => ({ value: r.value, label: { formatter: r.text ?? input.format(r.value) } })),
				itemStyle: { color: bar },
				barMaxWidth: 28,
				label: { show: true, position: "right", color: ink },
			},
		],
	});
	const rowHeight = (chars: number) => 24 + 18 * Math.max(...input.rows.map((r) => Math.ceil(r.label.length / chars)));
	const [narrow, wide] = await Promise.all([
		render(input.label, option(150), 358, 16 + input.rows.length * rowHeight(18)),
		render(input.label, option(300), 720, 16 + input.rows.length * rowHeight(38)),
	]);
	return { narrow, wide };
}

/** Every month (YYYY-MM) from the first to the last, inclusive. */
function monthsBetween(first: string, last: string): string[] {
	const out: string[] = [];
	const at = new Date(`${first}-01T00:00:00Z`);
	for (let month = first; month <= last; month = at.toISOString().slice(0, 7)) {
		out.push(month);
		at.setUTCMonth(at.getUTCMonth() + 1);
	}
	return out;
}

/**
 * Counts per month, one stacked bar per month with a part per series (named in full in the legend). The axis holds
 * every month from the first to the last, so months without activity keep their place and years are never skipped;
 * `monthName` writes a month for reading ("sep. 2018").
 */
export async function monthChart(input: { label: string; series: { name: string; months: { month: string; value: number }[] }[]; monthName: (month: string) => string }): Promise<ChartSvg | null> {
	const all = input.series.flatMap((s) => s.months.map((m) => m.month)).sort();
	if (all.length === 0) return null;
	const axis = monthsBetween(all[0]!, all[all.length - 1]!);
	const legendHeight = 24 * input.series.length;
	const option = {
		color: palette,
		grid: { left: 8, right: 16, top: 16, bottom: 16 + legendHeight, containLabel: true },
		legend: { bottom: 0, left: 0, orient: "vertical", textStyle: { color: ink } },
		xAxis: { type: "category", data: axis.map(input.monthName), axisLabel: { color: ink, hideOverlap: true }, axisTick: { alignWithLabel: true }, axisLine: { lineStyle: { color: line } } },
		yAxis: { type: "value", minInterval: 1, axisLabel: { color: ink }, splitLine: { lineStyle: { color: line } } },
		series: input.series.map((s) => ({
			type: "bar",
			name: s.name,
			stack: "total",
			barMaxWidth: 32,
			data: axis.map((month) => s.months.find((m) => m.month === month)?.value ?? 0),
		})),
	};
	const [narrow, wide] = await Promise.all([render(input.label, option, 358, 240 + legendHeight), render(input.label, option, 720, 280 + legendHeight)]);
	return { narrow, wide };
}

/** Yearly values as lines: every year from the first to the last on the axis (no jumps), full names in the legend. */
export async function yearChart(input: { label: string; unit: string; series: { name: string; points: { year: number; value: number }[] }[]; format: (n: number) => string }): Promise<ChartSvg | null> {
	const years = input.series.flatMap((s) => s.points.map((p) => p.year));
	if (years.length === 0) return null;
	const first = Math.min(...years);
	const axis = Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => first + i);
	const legendHeight = 24 * input.series.length;
	const option = {
		grid: { left: 8, right: 16, top: 32, bottom: 16 + legendHeight, containLabel: true },
		legend: { bottom: 0, left: 0, orient: "vertical", textStyle: { color: ink } },
		xAxis: { type: "category", data: axis.map(String), axisLabel: { color: ink }, axisLine: { lineStyle: { color: line } } },
		yAxis: { type: "value", name: input.unit, scale: true, axisLabel: { color: ink, formatter: input.format }, splitLine: { lineStyle: { color: line } } },
		series: input.series.map((s) => ({ type: "line", name: s.name, symbolSize: 8, data: axis.map((y) => s.points.find((p) => p.year === y)?.value ?? null) })),
	};
	const [narrow, wide] = await Promise.all([render(input.label, option, 358, 240 + legendHeight), render(input.label, option, 720, 300 + legendHeight)]);
	return { narrow, wide };
}
