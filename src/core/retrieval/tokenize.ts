/**
 * Keyword search's analysis: text to the terms an index keeps and a query
 * looks up. Both sides go through the same function, so a query finds what
 * was indexed whatever its case, Unicode form or inflection.
 */
import { stopwords as snowballEnglish } from '@orama/stopwords/english';
import { stemmer } from 'stemmer';

export interface Analyzer {
  /** The terms of `text`, in order, repeats kept (an index counts them). */
  (text: string): string[];
}

export interface AnalyzerOptions {
  /** Words never indexed nor searched; default the Snowball English list. */
  stopWords?: ReadonlySet<string>;
  /** Reduce English words to their stem (Porter); default true. */
  stem?: boolean;
}

/** Snowball's English stop words (with and without apostrophes, as they are typed). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(snowballEnglish.flatMap((w) => [w, w.replace(/'/g, '')]));

/**
 * A word: letters, marks and digits, with inner apostrophes ("don't",
 * "o'clock"). Everything else (spaces, punctuation, symbols) separates words.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
/** Scripts written without spaces between words: a run of them is cut into words by ICU's dictionaries. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Only English words are stemmed: other scripts' words pass as they are. */
const LATIN_LOWER = /^[a-z]+$/;
/** Longer tokens are encoded data, not words anyone types. */
const MAX_TERM_LENGTH = 64;

let segmenter: Intl.Segmenter | undefined;

/**
 * Stems of recent words. Stemming is the costliest step of analysis and
 * words follow Zipf's law, so a small cache of the frequent ones makes it
 * close to free. Two generations keep it bounded without evicting the hot
 * words: when the current one fills, it becomes the previous one, and a word
 * found there moves back into the current one.
 */
const STEM_GENERATION = 16_384;
let stems = new Map<string, string>();
let previousStems = new Map<string, string>();

function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem !== undefined) return stem;
  stem = previousStems.get(word) ?? stemmer(word);
  if (stems.size >= STEM_GENERATION) {
    previousStems = stems;
    stems = new Map();
  }
  stems.set(word, stem);
  return stem;
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stopWords = options.stopWords ?? ENGLISH_STOP_WORDS;
  const stem = options.stem ?? true;
  const push = (out: string[], token: string) => {
    if (stopWords.has(token)) return;
    // Possessives and contractions index as the bare word: "vendor's" finds "vendor".
    let word = token.includes("'") ? token.replace(/'s$/, '').replace(/'/g, '') : token;
    if (word.length === 0 || word.length > MAX_TERM_LENGTH || stopWords.has(word)) return;
    if (stem && LATIN_LOWER.test(word)) word = stemOf(word);
    out.push(word);
  };
  return (text: string) => {
    const out: string[] = [];
    // NFKC folds compatibility forms (full-width letters, ligatures) and composes accents, so "ﬁle", "ｆｉｌｅ" and "file" meet.
    const normal = text.normalize('NFKC').toLowerCase();
    for (const match of normal.matchAll(WORD)) {
      const token = match[0].replace(/\u2019/g, "'");
      if (UNSPACED.test(token)) {
        segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
        for (const s of segmenter.segment(token)) if (s.isWordLike) push(out, s.segment);
      } else {
        push(out, token);
      }
    }
    return out;
  };
}

/** The analyzer every index and query uses unless told otherwise. */
export const analyze: Analyzer = createAnalyzer();
