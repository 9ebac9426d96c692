import { allFeatures } from "./suggest.text.js";
import { normalise, type Pause, rowCount, tfIdf } from "./suggest.vectors.js";

/**
 * A theme suggested for an input, how sure the model is of it among the themes (0–1), and how close the input is to
 * that theme's examples at all (cosine, 0–1): an input close to none fits no theme yet.
 */
export type AssistGuess = { label: number; confidence: number; fit: number };

// How sharply closeness turns into confidence: a cosine 0.05 higher counts e (≈2.7) times more.
const temperature = 0.05;

/**
 * Suggests a label for every text from a few labelled examples (`examples[i]` is text i's label, or -1): Swedish
 * features as TF-IDF over all the texts, then nearest centroid — cosine to each label's mean example, turned into a
 * confidence by a softmax. (Nearest centroid tagged held-out answers better than a logistic regression did; see the
 * evaluation test.) Deterministic.
 */
export async function assistTag(texts: string[], examples: Int32Array, labels: number, pause?: Pause): Promise<AssistGuess[]> {
	const { rows, vocabulary } = await tfIdf(texts, allFeatures, pause);
	const { start, index, value } = rows;
	const centroids = Array.from({ length: labels }, () => new Float64Array(vocabulary.length));
	for (let i = 0; i < rowCount(rows); i++) {
		const label = examples[i]!;
		if (label >= 0) for (let k = start[i]!; k < start[i + 1]!; k++) centroids[label]![index[k]!]! += value[k]!;
	}
	centroids.forEach(normalise);
	return Array.from({ length: rowCount(rows) }, (_, i) => {
		const closeness = centroids.map((c) => {
			let s = 0;
			for (let k = start[i]!; k < start[i + 1]!; k++) s += c[index[k]!]! * value[k]!;
			return s;
		});
		const best = closeness.indexOf(Math.max(...closeness));
		const total = closeness.reduce((sum, s) => sum + Math.exp((s - closeness[best]!) / temperature), 0);
		return { label: best, confidence: 1 / total, fit: closeness[best]! };
	});
}
