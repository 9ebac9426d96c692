import { cosineDistances, kMeans, refine, silhouette } from "./suggest.cluster.js";
import { allFeatures, type FeatureSettings, stem, words } from "./suggest.text.js";
import { seededRandom } from "../../lib/seeded-random.js";
import { lsaBasis, pickRows, project, tfIdf } from "./suggest.vectors.js";

/** What a suggestion run is asked for: a number of themes (or null: found by silhouette), a seed, and which features. */
export type SuggestSettings = { k: number | null; seed: number; features?: FeatureSettings };

/** One suggested theme: its inputs (by position, closest first) with their closeness, its characteristic words and 5 quotes. */
export type SuggestedTheme = { members: number[]; scores: number[]; words: string[]; quotes: number[] };

/** Reports how far a run has come (0–1); awaiting it lets the server answer other requests meanwhile. */
export type Progress = (share: number) => Promise<void>;

/** The range the number of themes is searched in, and how many texts the search (and k-means seeding) looks at. */
export const kRange = { min: 4, max: 12 } as const;
const sampleSize = 1500;
// How many texts the LSA directions are fitted on; every text is then projected on them.
const lsaSampleSize = 8000;
// LSA dimensions grow with the number of texts: few texts carry few independent directions.
const dimensions = (n: number) => Math.min(60, Math.max(10, Math.round(Math.sqrt(n) * 0.8)));
const wordsShown = 8;
const quotesShown = 5;

/** Texts' LSA vectors from their Swedish features: what clustering compares. */
export async function embed(texts: string[], settings: SuggestSettings, progress: Progress): Promise<Float64Array[]> {
	const matrix = await tfIdf(texts, settings.features ?? allFeatures, (done, total) => progress((0.3 * done) / total));
	const fitted = pickRows(matrix.rows, sample(texts.length, lsaSampleSize, settings.seed));
	const basis = await lsaBasis(fitted, matrix.vocabulary.length, dimensions(texts.length), settings.seed, () => progress(0.32));
	await progress(0.35);
	return project(matrix.rows, basis, (done, total) => progress(0.35 + (0.05 * done) / total));
}

/** A seeded sample of positions (all when there are few). */
function sample(n: number, size: number, seed: number): number[] {
	const all = Array.from({ length: n }, (_, i) => i);
	if (n <= size) return all;
	const random = seededRandom(seed);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[all[i], all[j]] = [all[j]!, all[i]!];
	}
	return all.slice(0, size).sort((a, b) => a - b);
}

/**
 * Suggests themes for texts: Swedish features → TF-IDF → LSA → spherical k-means, the number of themes chosen by
 * the best silhouette on a sample when not given. Same texts and settings → same suggestions.
 */
export async function suggestThemes(texts: string[], settings: SuggestSettings, progress: Progress = async () => {}): Promise<{ k: number; themes: SuggestedTheme[]; silhouette: number }> {
	const points = await embed(texts, settings, progress);
	const picked = sample(points.length, sampleSize, settings.seed);
	const sampled = picked.map((i) => points[i]!);
	const distances = cosineDistances(sampled);
	const maxK = Math.max(1, Math.min(kRange.max, sampled.length - 1));
	const candidates = settings.k ? [Math.min(settings.k, Math.max(1, texts.length))] : range(Math.min(kRange.min, maxK), maxK);
	let best = { k: candidates[0]!, score: -Infinity, centroids: [] as Float64Array[] };
	for (const [n, k] of candidates.entries()) {
		const result = await kMeans(sampled, k, settings.seed + k, () => progress(0.4 + (0.4 * n) / candidates.length));
		const score = candidates.length > 1 ? silhouette(distances, result.assignment, k) : 0;
		if (score > best.score) best = { k, score, centroids: result.centroids };
		await progress(0.4 + (0.4 * (n + 1)) / candidates.length);
	}
	const final = await refine(points, best.centroids, () => progress(0.85));
	await progress(0.9);
	const themes = Array.from({ length: best.k }, (_, c) => {
		const members = [];
		for (let i = 0; i < points.length; i++) if (final.assignment[i] === c) members.push(i);
		members.sort((a, b) => final.similarity[b]! - final.similarity[a]! || a - b);
		return { members, scores: members.map((i) => final.similarity[i]!), words: [], quotes: quotes(texts, members) };
	}).filter((t) => t.members.length > 0);
	await characteristicWords(texts, themes, (done) => progress(0.9 + (0.1 * done) / texts.length));
	await progress(1);
	return { k: themes.length, themes, silhouette: best.score };
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The quotes nearest the theme's centre, each text once. */
function quotes(texts: string[], members: number[]): number[] {
	const seen = new Set<string>();
	const out: number[] = [];
	for (const i of members) {
		const key = texts[i]!.trim().toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(i);
		if (out.length === quotesShown) break;
	}
	return out;
}

// How many texts are read between two pauses for the server.
const pauseEvery = 5000;

/**
 * Fills each theme's characteristic words: the stems most over-represented in its texts against all texts
 * (share in the theme × log of that share over the share overall), each shown in its commonest written form.
 * Reading every text again takes seconds at 100 000, so it pauses now and then.
 */
async function characteristicWords(texts: string[], themes: SuggestedTheme[], pause: (done: number) => Promise<void>): Promise<void> {
	const overall = new Map<string, number>();
	const perTheme: Map<string, { n: number; forms: Map<string, number> }>[] = [];
	let read = 0;
	for (const t of themes) {
		const counts = new Map<string, { n: number; forms: Map<string, number> }>();
		perTheme.push(counts);
		for (const i of t.members) {
			if (++read % pauseEvery === 0) await pause(read);
			for (const word of new Set(words(texts[i]!))) {
				const s = stem(word);
				const entry = counts.get(s) ?? { n: 0, forms: new Map() };
				entry.n++;
				entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
				counts.set(s, entry);
				overall.set(s, (overall.get(s) ?? 0) + 1);
			}
		}
	}
	themes.forEach((theme, c) => {
		const size = theme.members.length;
		theme.words = [...perTheme[c]!]
			.filter(([, e]) => e.n >= Math.min(2, size))
			.map(([s, e]) => {
				const share = e.n / size;
				return { s, e, score: share * Math.log(share / (overall.get(s)! / texts.length)) };
			})
			.sort((a, b) => b.score - a.score || (a.s < b.s ? -1 : 1))
			.slice(0, wordsShown)
			.map(({ e }) => [...e.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
	});
}
