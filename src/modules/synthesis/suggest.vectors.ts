import { seededRandom } from "../../lib/seeded-random.js";
import { type FeatureSettings, wordFeatures, words } from "./suggest.text.js";

/**
 * Sparse rows in one block (compressed sparse rows): row i's feature indexes (ascending) are `index[start[i]]` up to
 * `index[start[i + 1]]`, with their weights in `value`. One block instead of two small arrays per row: 100 000 rows
 * would otherwise cost 100 000s of allocations, and every pass over them would chase pointers.
 */
export type Sparse = { start: Int32Array; index: Int32Array; value: Float32Array };

/** Texts as TF-IDF rows over a shared vocabulary, each row of length 1. */
export type TfIdf = { vocabulary: string[]; idf: Float64Array; rows: Sparse };

/** How many rows a sparse block holds. */
export const rowCount = (m: Sparse) => m.start.length - 1;

/** Some rows of a sparse block, in the order given, as a block of their own. */
export function pickRows(m: Sparse, positions: number[]): Sparse {
	const start = new Int32Array(positions.length + 1);
	positions.forEach((p, i) => {
		start[i + 1] = start[i]! + m.start[p + 1]! - m.start[p]!;
	});
	const index = new Int32Array(start[positions.length]!);
	const value = new Float32Array(index.length);
	positions.forEach((p, i) => {
		index.set(m.index.subarray(m.start[p]!, m.start[p + 1]!), start[i]!);
		value.set(m.value.subarray(m.start[p]!, m.start[p + 1]!), start[i]!);
	});
	return { start, index, value };
}

/** Lets the server answer other requests during a long computation; it may also report progress. */
export type Pause = (done: number, total: number) => Promise<void>;
const pauseEvery = 5000;

/**
 * Builds TF-IDF rows of texts' Swedish features (stems, compound parts, synonym groups, character n-grams): features
 * in at least two texts and at most half of them, the most common `maxFeatures`; weight (1 + log count) × idf (a
 * count below 1 as it is), each row scaled to length 1 so long answers don't outweigh short ones. Each distinct word
 * is analysed once and features are numbered, so 100 000 texts stay fast and small.
 */
export async function tfIdf(texts: string[], settings: FeatureSettings, pause: Pause = async () => {}, maxFeatures = 30000): Promise<TfIdf> {
	const names: string[] = [];
	const numbered = new Map<string, number>();
	const byWord = new Map<string, { ids: Int32Array; weights: Float64Array }>();
	const idsOf = (word: string) => {
		let found = byWord.get(word);
		if (!found) {
			const list = wordFeatures(word, settings);
			const ids = Int32Array.from(list, ([name]) => {
				let id = numbered.get(name);
				if (id === undefined) {
					id = names.push(name) - 1;
					numbered.set(name, id);
				}
				return id;
			});
			found = { ids, weights: Float64Array.from(list, ([, w]) => w) };
			byWord.set(word, found);
		}
		return found;
	};
	// Each text's features and counts, in the order first met, one block for all texts.
	const bagStart = new Int32Array(texts.length + 1);
	let bagIds = new Int32Array(1 << 16);
	let bagCounts = new Float32Array(1 << 16);
	// Scratch space reused by every text: counts by feature number, and which numbers were touched.
	let scratch = new Float64Array(1024);
	let df = new Int32Array(1024);
	const touched: number[] = [];
	let filled = 0;
	for (let i = 0; i < texts.length; i++) {
		for (const word of words(texts[i]!)) {
			const { ids, weights } = idsOf(word);
			if (names.length > scratch.length) {
				scratch = grow(scratch, names.length);
				df = grow(df, names.length);
			}
			for (let k = 0; k < ids.length; k++) {
				const id = ids[k]!;
				if (scratch[id] === 0) touched.push(id);
				scratch[id]! += weights[k]!;
			}
		}
		if (filled + touched.length > bagIds.length) {
			bagIds = grow(bagIds, filled + touched.length);
			bagCounts = grow(bagCounts, filled + touched.length);
		}
		for (const id of touched) {
			bagIds[filled] = id;
			bagCounts[filled++] = scratch[id]!;
			df[id]!++;
			scratch[id] = 0;
		}
		touched.length = 0;
		bagStart[i + 1] = filled;
		if (i % pauseEvery === pauseEvery - 1) await pause(i, texts.length);
	}
	const maxDf = Math.max(2, texts.length / 2);
	const kept = names
		.map((_, id) => id)
		.filter((id) => df[id]! >= 2 && df[id]! <= maxDf)
		.sort((a, b) => df[b]! - df[a]! || (names[a]! < names[b]! ? -1 : 1))
		.slice(0, maxFeatures)
		.sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
	const column = new Int32Array(names.length).fill(-1);
	kept.forEach((id, c) => {
		column[id] = c;
	});
	const idf = Float64Array.from(kept, (id) => Math.log((1 + texts.length) / (1 + df[id]!)) + 1);
	const weightByColumn = new Float64Array(kept.length);
	const start = new Int32Array(texts.length + 1);
	const index = new Int32Array(filled);
	const value = new Float32Array(filled);
	let n = 0;
	for (let at = 0; at < texts.length; at++) {
		if (at % pauseEvery === pauseEvery - 1) await pause(texts.length, texts.length);
		const first = n;
		let sum = 0;
		for (let k = bagStart[at]!; k < bagStart[at + 1]!; k++) {
			const c = column[bagIds[k]!]!;
			if (c < 0) continue;
			const count = bagCounts[k]!;
			const w = (count <= 1 ? count : 1 + Math.log(count)) * idf[c]!;
			weightByColumn[c] = w;
			sum += w * w;
			index[n++] = c;
		}
		index.subarray(first, n).sort();
		const norm = Math.sqrt(sum) || 1;
		for (let k = first; k < n; k++) value[k] = weightByColumn[index[k]!]! / norm;
		start[at + 1] = n;
	}
	return { vocabulary: kept.map((id) => names[id]!), idf, rows: { start, index: index.slice(0, n), value: value.slice(0, n) } };
}

function grow<T extends Float64Array | Float32Array | Int32Array>(array: T, size: number): T {
	const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
	grown.set(array);
	return grown;
}

/** Scales a dense vector to length 1 (a zero vector stays zero). */
export function normalise(v: Float64Array): Float64Array {
	let sum = 0;
	for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
	const norm = Math.sqrt(sum);
	if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
	return v;
}

/** Orthonormalises the columns of an n × d matrix stored by column (modified Gram–Schmidt). */
function orthonormalise(columns: Float64Array[]): void {
	for (let j = 0; j < columns.length; j++) {
		const c = columns[j]!;
		for (let p = 0; p < j; p++) {
			const q = columns[p]!;
			let dot = 0;
			for (let i = 0; i < c.length; i++) dot += c[i]! * q[i]!;
			for (let i = 0; i < c.length; i++) c[i]! -= dot * q[i]!;
		}
		normalise(c);
	}
}

/** Sparse rows × dense columns (V-long) → n-long columns. */
function timesColumns(rows: Sparse, columns: Float64Array[]): Float64Array[] {
	const { start, index, value } = rows;
	const n = rowCount(rows);
	return columns.map((col) => {
		const out = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			let s = 0;
			for (let k = start[i]!; k < start[i + 1]!; k++) s += value[k]! * col[index[k]!]!;
			out[i] = s;
		}
		return out;
	});
}

/** Transposed sparse rows × n-long columns → V-long columns. */
function transposeTimesColumns(rows: Sparse, columns: Float64Array[], size: number): Float64Array[] {
	const { start, index, value } = rows;
	const n = rowCount(rows);
	return columns.map((col) => {
		const out = new Float64Array(size);
		for (let i = 0; i < n; i++) {
			const c = col[i]!;
			if (c === 0) continue;
			for (let k = start[i]!; k < start[i + 1]!; k++) out[index[k]!]! += value[k]! * c;
		}
		return out;
	});
}

/** Eigenvalues and eigenvectors (columns) of a small symmetric matrix, by cyclic Jacobi rotations. */
function symmetricEigen(m: Float64Array[], size: number): { values: number[]; vectors: Float64Array[] } {
	const a = m.map((row) => Float64Array.from(row));
	const v = Array.from({ length: size }, (_, i) => {
		const row = new Float64Array(size);
		row[i] = 1;
		return row;
	});
	for (let sweep = 0; sweep < 50; sweep++) {
		let off = 0;
		for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += a[p]![q]! ** 2;
		if (off < 1e-18) break;
		for (let p = 0; p < size; p++) {
			for (let q = p + 1; q < size; q++) {
				const apq = a[p]![q]!;
				if (Math.abs(apq) < 1e-30) continue;
				const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < size; k++) {
					const akp = a[k]![p]!;
					const akq = a[k]![q]!;
					a[k]![p] = c * akp - s * akq;
					a[k]![q] = s * akp + c * akq;
				}
				for (let k = 0; k < size; k++) {
					const apk = a[p]![k]!;
					const aqk = a[q]![k]!;
					a[p]![k] = c * apk - s * aqk;
					a[q]![k] = s * apk + c * aqk;
				}
				for (let k = 0; k < size; k++) {
					const vkp = v[k]![p]!;
					const vkq = v[k]![q]!;
					v[k]![p] = c * vkp - s * vkq;
					v[k]![q] = s * vkp + c * vkq;
				}
			}
		}
	}
	const order = Array.from({ length: size }, (_, i) => i).sort((x, y) => a[y]![y]! - a[x]![x]!);
	return { values: order.map((i) => a[i]![i]!), vectors: order.map((i) => Float64Array.from(v, (row) => row[i]!)) };
}

/**
 * Latent semantic analysis: the `dims` strongest directions of the TF-IDF matrix of some rows (a randomised SVD with
 * two power iterations, seeded), as term vectors: a text's projection on them is its LSA vector. Words that occur
 * together end up close, so two answers can be near without sharing a word.
 */
export async function lsaBasis(rows: Sparse, size: number, dims: number, seed: number, pause: () => Promise<void> = async () => {}): Promise<Float64Array[]> {
	const n = rowCount(rows);
	const d = Math.max(1, Math.min(dims, n - 1, size));
	const width = Math.min(d + 10, n, size);
	const random = seededRandom(seed);
	let q = transposeTimesColumns(
		rows,
		Array.from({ length: width }, () => Float64Array.from({ length: n }, () => random() - 0.5)),
		size,
	);
	q = timesColumns(rows, q);
	orthonormalise(q);
	for (let iteration = 0; iteration < 2; iteration++) {
		await pause();
		q = timesColumns(rows, transposeTimesColumns(rows, q, size));
		await pause();
		orthonormalise(q);
	}
	await pause();
	// B = Qᵀ A (width × V); with B Bᵀ = W Λ Wᵀ, the right singular vectors are Bᵀ W Λ^(-1/2).
	const b = transposeTimesColumns(rows, q, size);
	const gram = b.map((x) => Float64Array.from(b, (y) => dot(x, y)));
	const { values, vectors } = symmetricEigen(gram, width);
	await pause();
	return Array.from({ length: d }, (_, c) => {
		const sigma = Math.sqrt(Math.max(values[c]!, 1e-12));
		const v = new Float64Array(size);
		for (let j = 0; j < width; j++) {
			const bj = b[j]!;
			const w = vectors[c]![j]! / sigma;
			for (let t = 0; t < size; t++) v[t]! += bj[t]! * w;
		}
		return v;
	});
}

/** Texts' LSA vectors: each TF-IDF row projected on the basis, scaled to length 1. */
export async function project(rows: Sparse, basis: Float64Array[], pause: Pause = async () => {}): Promise<Float64Array[]> {
	const dims = basis.length;
	const size = basis[0]?.length ?? 0;
	// The basis term-major, so one row's terms are read in one place each.
	const byTerm = new Float64Array(size * dims);
	basis.forEach((v, c) => {
		for (let t = 0; t < size; t++) byTerm[t * dims + c] = v[t]!;
	});
	const { start, index, value } = rows;
	const n = rowCount(rows);
	const points: Float64Array[] = [];
	for (let i = 0; i < n; i++) {
		const point = new Float64Array(dims);
		for (let k = start[i]!; k < start[i + 1]!; k++) {
			const at = index[k]! * dims;
			const x = value[k]!;
			for (let c = 0; c < dims; c++) point[c]! += byTerm[at + c]! * x;
		}
		points.push(normalise(point));
		if (i % pauseEvery === pauseEvery - 1) await pause(i, n);
	}
	return points;
}

/** The dot product of two dense vectors. */
export function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
}
