// Line charts drawn on the server as SVG with Apache ECharts (no script in the browser). The page's content security
// policy allows no inline style, so the SVG's style attributes become presentation attributes and its hover-only
// stylesheet is dropped; every chart is shown beside a table with the same numbers.

export type LineSeries = { name: string; points: { year: number; value: number }[] };

const toAttributes = (style: string) =>
	style
		.split(";")
		.map((d) => d.split(":").map((s) => s.trim()))
		.filter(([k, v]) => k && v)
		.map(([k, v]) => `${k}="${v!.replaceAll('"', "'")}"`)
		.join(" ");

/** A chart of yearly values: every year from the first to the last on the axis (no jumps), full names in the legend. */
export async function lineChartSvg(options: { title: string; unit: string; series: LineSeries[]; width?: number; height?: number; formatNumber: (n: number) => string }): Promise<string> {
	const years = options.series.flatMap((s) => s.points.map((p) => p.year));
	if (years.length === 0) return "";
	const first = Math.min(...years);
	const axis = Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => first + i);
	const width = options.width ?? 720;
	const height = options.height ?? 360;
	// Loaded on first use: ECharts is large, and most pages draw no chart.
	const echarts = await import("echarts");
	const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
	chart.setOption({
		animation: false,
		textStyle: { fontFamily: "system-ui, sans-serif", fontSize: 14 },
		grid: { left: 72, right: 24, top: 24, bottom: 32 + 24 * options.series.length },
		legend: { bottom: 0, orient: "vertical", left: "left", textStyle: { fontSize: 14 } },
		xAxis: { type: "category", data: axis.map(String), axisLabel: { fontSize: 14 } },
		yAxis: { type: "value", name: options.unit, scale: true, axisLabel: { fontSize: 14, formatter: options.formatNumber } },
		series: options.series.map((s) => ({
			type: "line",
			name: s.name,
			connectNulls: false,
			symbolSize: 8,
			data: axis.map((y) => s.points.find((p) => p.year === y)?.value ?? null),
		})),
	});
	const svg = chart.renderToSVGString();
	chart.dispose();
	return svg
		.replace(/<style[\s\S]*?<\/style>/g, "")
		.replace(/ style="([^"]*)"/g, (_, style: string) => ` ${toAttributes(style)}`)
		.replace("<svg ", `<svg role="img" aria-label="${options.title.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;")}" `);
}
