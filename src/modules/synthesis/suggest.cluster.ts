import { seededRandom } from "../../lib/seeded-random.js";
import { dot, normalise } from "./suggest.vectors.js";

/** Which cluster each point is in, how close it is to its centre (cosine), and the centres. */
export type Clustering = { assignment: Int32Array; similarity: Float64Array; centroids: Float64Array[] };

/** Puts each point with its most similar centre; returns the total similarity. */
function assign(points: Float64Array[], centroids: Float64Array[], assignment: Int32Array, similarity: Float64Array): number {
	let total = 0;
	for (let i = 0; i < points.length; i++) {
		const p = points[i]!;
		let best = -Infinity;
		let at = 0;
		for (let j = 0; j < centroids.length; j++) {
			const s = dot(p, centroids[j]!);
			if (s > best) {
				best = s;
				at = j;
			}
		}
		assignment[i] = at;
		similarity[i] = best;
		total += best;
	}
	return total;
}

/** Each cluster's centre, the mean of its points scaled to length 1; an emptied cluster takes the worst-placed point. */
function recentre(points: Float64Array[], k: number, assignment: Int32Array, similarity: Float64Array): Float64Array[] {
	const dims = points[0]!.length;
	const centroids = Array.from({ length: k }, () => new Float64Array(dims));
	const sizes = new Int32Array(k);
	points.forEach((p, i) => {
		const c = centroids[assignment[i]!]!;
		sizes[assignment[i]!]!++;
		for (let d = 0; d < dims; d++) c[d]! += p[d]!;
	});
	for (let j = 0; j < k; j++) {
		if (sizes[j] === 0) {
			let worst = 0;
			for (let i = 1; i < points.length; i++) if (similarity[i]! < similarity[worst]!) worst = i;
			centroids[j] = Float64Array.from(points[worst]!);
			similarity[worst] = Infinity;
		}
	}
	return centroids.map(normalise);
}

/** k-means++ seeding for cosine similarity: each next centre drawn with odds by its distance to the nearest chosen one. */
function seedCentroids(points: Float64Array[], k: number, random: () => number): Float64Array[] {
	const centroids = [Float64Array.from(points[Math.floor(random() * points.length)]!)];
	const distance = Float64Array.from(points, (p) => Math.max(0, 1 - dot(p, centroids[0]!)));
	while (centroids.length < k) {
		const total = distance.reduce((s, d) => s + d, 0);
		let target = random() * total;
		let chosen = points.length - 1;
		for (let i = 0; i < points.length; i++) {
			target -= distance[i]!;
			if (target <= 0) {
				chosen = i;
				break;
			}
		}
		const centre = Float64Array.from(points[chosen]!);
		centroids.push(centre);
		points.forEach((p, i) => {
			distance[i] = Math.min(distance[i]!, Math.max(0, 1 - dot(p, centre)));
		});
	}
	return centroids;
}

/**
 * Refines centres with Lloyd's iterations until at most one point in a thousand moves (or `maxIterations`),
 * pausing between iterations so the server stays responsive.
 */
export async function refine(points: Float64Array[], start: Float64Array[], pause: () => Promise<void> = async () => {}, maxIterations = 30): Promise<Clustering> {
	const assignment = new Int32Array(points.length).fill(-1);
	const similarity = new Float64Array(points.length);
	let centroids = start;
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		const before = Int32Array.from(assignment);
		assign(points, centroids, assignment, similarity);
		const moved = assignment.reduce((n, a, i) => n + (a === before[i] ? 0 : 1), 0);
		if (moved <= points.length / 1000) break;
		centroids = recentre(points, start.length, assignment, similarity);
		await pause();
	}
	assign(points, centroids, assignment, similarity);
	return { assignment, similarity, centroids };
}

/** Spherical k-means (cosine) of unit-length points: the best of `restarts` seeded k-means++ starts. */
export async function kMeans(points: Float64Array[], k: number, seed: number, pause: () => Promise<void> = async () => {}, restarts = 4): Promise<Clustering> {
	const random = seededRandom(seed);
	let best: Clustering | undefined;
	let bestScore = -Infinity;
	for (let r = 0; r < restarts; r++) {
		const result = await refine(points, seedCentroids(points, k, random), pause);
		const score = result.similarity.reduce((s, x) => s + x, 0);
		if (score > bestScore) {
			bestScore = score;
			best = result;
		}
	}
	return best!;
}

/** The mean silhouette of a clustering under cosine distance, from a precomputed distance matrix: how well the clusters stand apart. */
export function silhouette(distances: Float32Array[], assignment: Int32Array, k: number): number {
	const n = assignment.length;
	const sizes = new Int32Array(k);
	for (const a of assignment) sizes[a]!++;
	let total = 0;
	const sums = new Float64Array(k);
	for (let i = 0; i < n; i++) {
		sums.fill(0);
		const row = distances[i]!;
		for (let j = 0; j < n; j++) sums[assignment[j]!]! += row[j]!;
		const own = assignment[i]!;
		if (sizes[own]! <= 1) continue;
		const a = sums[own]! / (sizes[own]! - 1);
		let b = Infinity;
		for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
		total += (b - a) / Math.max(a, b) || 0;
	}
	return total / n;
}

/** Cosine distances between every two points (for a sample: n² numbers). */
export function cosineDistances(points: Float64Array[]): Float32Array[] {
	return points.map((p) => Float32Array.from(points, (q) => 1 - dot(p, q)));
}
