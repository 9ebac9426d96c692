// WCAG 2.2 contrast (relative luminance of sRGB colours) and the nearest shade that passes, for the brand colours an
// administrator chooses. The formulas are the standard's own (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).

/** A colour as #rrggbb, lowercase. */
export type Hex = string;

/** The ratio WCAG AA asks of normal text against its background. */
export const textContrast = 4.5;

function channels(hex: Hex): [number, number, number] {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(hex: Hex): number {
	const [r, g, b] = channels(hex).map((c) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: Hex, b: Hex): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

/** The ratio as people read it, rounded down so that 4.49 never shows as 4.5. */
export function shownRatio(ratio: number): string {
	return (Math.floor(ratio * 10) / 10).toFixed(1);
}

function toHex(rgb: number[]): Hex {
	return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The lightest shade of `hex` (mixed towards black, so the hue stays) that reaches `needed` against `background`;
 * `hex` itself when it already does.
 */
export function passingShade(hex: Hex, background: Hex, needed = textContrast): Hex {
	const rgb = channels(hex);
	for (let keep = 1; keep >= 0; keep -= 0.01) {
		const shade = toHex(rgb.map((c) => c * keep));
		if (contrastRatio(shade, background) >= needed) return shade;
	}
	return "#000000";
}
