// A word-level diff: enough to mark what an amendment changed in a sentence or two.

/** A run of text that is kept, deleted or inserted. */
export type DiffPart = { op: "same" | "del" | "ins"; text: string };

// Words and punctuation marks, each with the spaces before it. Only the word itself is compared,
// so "öppenhet," differs from "öppenhet och" by the comma and the word, not by spacing.
const tokenise = (text: string) => (text.match(/\s*(?:[.,;:!?–]|[^\s.,;:!?–]+)|\s+$/g) ?? []).map((t) => ({ key: t.trim(), text: t }));

/** The changes from `before` to `after`, word by word (longest common subsequence), adjacent runs merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
	const a = tokenise(before);
	const b = tokenise(after);
	// lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
	const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] = a[i]!.key === b[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const parts: DiffPart[] = [];
	const push = (op: DiffPart["op"], text: string) => {
		const last = parts.at(-1);
		if (last?.op === op) last.text += text;
		else parts.push({ op, text });
	};
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i]!.key === b[j]!.key) {
			push("same", b[j++]!.text);
			i++;
		} else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
			// Deleting first on a tie puts a removed word before the words that replace it, as one reads a correction.
			push("del", a[i++]!.text);
		} else {
			push("ins", b[j++]!.text);
		}
	}
	return parts;
}
