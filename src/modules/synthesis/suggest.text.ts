import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import snowball from "snowball-stemmers";
import { synonymGroups } from "./suggest.synonyms.js";

/** Which kinds of feature a text yields: word stems, compound parts, synonym groups, character n-grams. */
export type FeatureSettings = { compounds: boolean; synonyms: boolean; ngrams: boolean };

/** Every kind of feature switched on: what suggestions use. */
export const allFeatures: FeatureSettings = { compounds: true, synonyms: true, ngrams: true };

// Common Swedish words (Snowball's stop list, shortened) and everyday/dialect spellings that say nothing about a topic.
const stopWords = new Set(
	`och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du henne då sin
	nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi dem vara vad över än dig
	kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli
	blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka
	ditt vem vilket sitt sådana vart dina vars vårt våra ert era vilkas också bara mer fler mycket många borde måste
	behöver vill ska skall kommer får finns gör göra vore skulle kunna bra dålig dåliga bättre sämre alltid aldrig ofta
	int inte e va o å dom nån nåt hä sånt sån mer mera lite tack nya ny nytt gamla stor stora liten små hela helt
	`.split(/\s+/),
);

const stemmer = snowball.newStemmer("swedish");
// The caches below grow with the words seen; a long-running server starts them afresh past this many entries.
const cacheLimit = 500_000;

/** Keeps a computed value, emptying the cache first when it has grown past the limit. */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
	if (cache.size >= cacheLimit) cache.clear();
	cache.set(key, value);
	return value;
}

const stemCache = new Map<string, string>();

/** A word's Snowball Swedish stem (cached: the same words come back in every text). */
export function stem(word: string): string {
	return stemCache.get(word) ?? remember(stemCache, word, stemmer.stem(word));
}

/** Lower case, composed letters, and only letters and digits: how every text is read. */
export function words(text: string): string[] {
	return text
		.normalize("NFC")
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= 2 && !stopWords.has(w) && !/^\d+$/.test(w));
}

let lexicon: Set<string> | undefined;

/**
 * The words of the Swedish Hunspell dictionary (npm dictionary-sv) and their stems, read once: what a compound's
 * parts must be. Read from the package's folder (its own loader uses top-level await, which the server bundle can't).
 */
function lexiconWords(): Set<string> {
	if (!lexicon) {
		const folder = dirname(createRequire(import.meta.url).resolve("dictionary-sv"));
		lexicon = new Set();
		for (const line of readFileSync(join(folder, "index.dic"), "utf8").split("\n").slice(1)) {
			const word = line.split("/")[0]!.toLowerCase();
			if (word.length >= 3 && /^\p{L}+$/u.test(word)) lexicon.add(word).add(stem(word));
		}
	}
	return lexicon;
}

/** A compound's part as the stem its own word has (so `hållplatsen` in a compound meets `hållplats` alone), if it is a word. */
function partStem(part: string, known: Set<string>, shortest: number): string | undefined {
	if (part.length < shortest) return undefined;
	const stemmed = stem(part);
	if (known.has(part)) return stemmed;
	if (known.has(stemmed)) return stem(stemmed);
	// Snowball leaves some inflections on (`spåret`): the dictionary holds the base form.
	const base = inflections.map((ending) => (part.endsWith(ending) ? part.slice(0, -ending.length) : "")).find((b) => b.length >= shortest && known.has(b));
	return base === undefined ? undefined : stem(base);
}

const minPart = 3;
// Definite and plural endings, longest first.
const inflections = ["arna", "erna", "orna", "en", "et", "na", "ar", "er", "or", "n", "t"];
const splitCache = new Map<string, string[]>();

/**
 * The parts of a Swedish compound, as stems (`skidspåret` → `skid`, `spår`): the most even split whose head is a
 * dictionary word (after a linking s or e is dropped) and whose tail is one. A word with no such split gives
 * no parts.
 */
export function compoundParts(word: string): string[] {
	let parts = splitCache.get(word);
	if (parts) return parts;
	parts = [];
	const known = lexiconWords();
	// A word the dictionary knows splits only into longer parts: `kommunen` is no `kom` + `mun`.
	const shortest = known.has(word) || known.has(stem(word)) ? minPart + 1 : minPart;
	let best = -1;
	for (let i = shortest; i <= word.length - shortest; i++) {
		const head = word.slice(0, i);
		const tail = partStem(word.slice(i), known, shortest);
		if (!tail) continue;
		const headStem = partStem(head, known, shortest) ?? partStem(head.replace(/[se]$/, ""), known, shortest);
		if (!headStem) continue;
		const evenness = Math.min(i, word.length - i);
		if (evenness > best) {
			best = evenness;
			parts = [headStem, tail];
		}
	}
	remember(splitCache, word, parts);
	return parts;
}

// A word (or its stem) → the group it belongs to, named by the group's first word.
const synonymOf = new Map<string, string>();
for (const group of synonymGroups) {
	const [head, ...rest] = group.split(" ");
	for (const w of [head!, ...rest]) {
		synonymOf.set(w, head!);
		synonymOf.set(stem(w), head!);
	}
}

/** The synonym group a word belongs to, if any. */
export function synonymGroup(word: string): string | undefined {
	return synonymOf.get(word) ?? synonymOf.get(stem(word));
}

const ngramSize = 4;

/** Character 4-grams of a word with its edges marked: they match typos and dialect spellings of the same word. */
function ngrams(word: string): string[] {
	const padded = `<${word}>`;
	if (padded.length <= ngramSize) return [padded];
	const out: string[] = [];
	for (let i = 0; i + ngramSize <= padded.length; i++) out.push(padded.slice(i, i + ngramSize));
	return out;
}

// How much each kind of feature counts against a word's stem.
const weights = { stem: 1, part: 0.6, synonym: 2, ngram: 0.25 };

const wordCache = new Map<string, [string, number][]>();

/** The features one word gives under some settings (cached: the same words come back in every text). */
export function wordFeatures(word: string, settings: FeatureSettings): [string, number][] {
	const key = `${+settings.compounds}${+settings.synonyms}${+settings.ngrams}${word}`;
	let found = wordCache.get(key);
	if (found) return found;
	found = [[`w:${stem(word)}`, weights.stem]];
	const parts = settings.compounds ? compoundParts(word) : [];
	for (const part of parts) found.push([`w:${part}`, weights.part]);
	if (settings.synonyms) {
		const groups = new Set([word, ...parts].map(synonymGroup).filter((g) => g !== undefined));
		for (const group of groups) found.push([`s:${group}`, weights.synonym]);
	}
	if (settings.ngrams) for (const gram of ngrams(word)) found.push([`c:${gram}`, weights.ngram]);
	remember(wordCache, key, found);
	return found;
}
