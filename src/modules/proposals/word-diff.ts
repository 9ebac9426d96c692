// A word-level diff: enough to mark what an amendment changed in a sentence or two. The `diff` package (jsdiff) finds
// the changes; we say only what a word is.
import { Diff } from "diff";

/** A run of text that is kept, deleted or inserted. */
export type DiffPart = { op: "same" | "del" | "ins"; text: string };

// Words and punctuation marks, each with the spaces before it. Only the word itself is compared,
// so "öppenhet," differs from "öppenhet och" by the comma and the word, not by spacing.
class Words extends Diff<string, string> {
	override tokenize(text: string): string[] {
		return text.match(/\s*(?:[.,;:!?–]|[^\s.,;:!?–]+)|\s+$/g) ?? [];
	}
	override equals(left: string, right: string): boolean {
		return left.trim() === right.trim();
	}
}
const words = new Words();

/** The changes from `before` to `after`, word by word; a replaced word is deleted before its replacement is inserted. */
export function wordDiff(before: string, after: string): DiffPart[] {
	return words.diff(before, after).map((c) => ({ op: c.added ? "ins" : c.removed ? "del" : "same", text: c.value }));
}
