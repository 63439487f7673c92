/**
 * Search tokenization for Chinese, English and mixed text.
 *
 * Chinese has no spaces, and `Intl.Segmenter('zh')` on Node 20 splits common words ("缓存" → "缓|存"), so a query and
 * a document segmented differently would never meet. Like Lucene's CJKAnalyzer we index overlapping character bigrams
 * of every CJK run ("调度器" → "调度", "度器") and whole words for every other script. Bigrams need no dictionary, match
 * any word the segmenter does not know (product names, new jargon), and a query tokenized the same way always lines up
 * with the document. Text is NFKC-normalised first so full-width forms ("ＫＶ", "１２") equal their ASCII twins, then
 * lowercased.
 */

/** Han (including 〇 and 々), kana and Hangul: the scripts written without spaces between words. */
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}";
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");
// A CJK run, or a run of letters/digits/marks from any other script. The look-ahead keeps Latin words from swallowing
// the Chinese that follows them without a space ("Kubernetes成为" → "kubernetes", "成为").
const WORD = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, "gu");

export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function isCjk(char: string): boolean {
  return CJK_CHAR.test(char);
}

/** A maximal run of same-kind characters in normalised text, before bigram splitting. */
export interface TextRun {
  text: string;
  cjk: boolean;
  /** Offsets in the normalised string. */
  start: number;
  end: number;
}

/** Splits already-normalised text into CJK runs and words, dropping punctuation and whitespace. */
export function textRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const start = match.index ?? 0;
    runs.push({ text: match[0], cjk: isCjk(match[0]), start, end: start + match[0].length });
  }
  return runs;
}

/** Overlapping bigrams of a CJK run; a lone character stays a unigram so it can still be found. */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i += 1) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/** Index and query terms for a piece of text, in order, duplicates kept (term frequency matters for ranking). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const run of textRuns(normalizeText(text))) {
    if (run.cjk) terms.push(...cjkBigrams(run.text));
    else terms.push(run.text);
  }
  return terms;
}
