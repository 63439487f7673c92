import { cjkBigrams, normalizeText, textRuns, tokenize } from "@/lib/search/tokenize";

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 50;

/**
 * Field weights, title first: a post *about* the query beats one that mentions it in passing. BM25 (SQLite) and
 * ts_rank (PostgreSQL) both saturate term frequency, so a body repeating a word cannot outweigh them.
 */
export const FIELD_WEIGHTS = { title: 4, tags: 3, categories: 2, description: 1.5, body: 1 } as const;
/** Extra weight for a post where a multi-character Chinese query occurs as written, not only as scattered bigrams. */
export const PHRASE_BONUS = 0.5;

/**
 * One word of the query. A Chinese run becomes its bigrams, which must all match (anywhere); a lone Chinese character
 * matches every bigram it starts; the last Latin word is a prefix while the reader types ("kube" → kubernetes).
 */
export interface QueryGroup {
  text: string;
  cjk: boolean;
  tokens: string[];
  /** The (single) token is matched as a prefix. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** The query as searched: trimmed, length-capped. */
  text: string;
  groups: QueryGroup[];
  /** Chinese runs longer than two characters, as bigram sequences: matched as phrases for the bonus. */
  phrases: string[][];
}

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim().slice(0, MAX_QUERY_LENGTH);
  const runs = textRuns(normalizeText(text));
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  runs.forEach((run, index) => {
    if (seen.has(run.text)) return;
    seen.add(run.text);
    if (run.cjk) {
      const tokens = cjkBigrams(run.text);
      groups.push({ text: run.text, cjk: true, tokens, prefix: tokens.length === 1 && Array.from(tokens[0]).length === 1 });
    } else {
      groups.push({ text: run.text, cjk: false, tokens: [run.text], prefix: index === runs.length - 1 && run.text.length >= 2 });
    }
  });
  const phrases = groups.filter((group) => group.cjk && Array.from(group.text).length > 2).map((group) => group.tokens);
  return { text, groups, phrases };
}

/** Latin words long enough to be worth a typo-tolerant retry: one edit from 6 letters, two from 10. */
export function typoBudget(word: string): number {
  if (word.length >= 10) return 2;
  if (word.length >= 6) return 1;
  return 0;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The index text of a post's fields: the same tokens the query side makes, space-separated. */
export function indexText(text: string, maxTokens = Number.POSITIVE_INFINITY): string {
  const tokens = tokenize(text);
  return (tokens.length > maxTokens ? tokens.slice(0, maxTokens) : tokens).join(" ");
}
