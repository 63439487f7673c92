import type { Query, SearchOptions as EngineOptions } from "minisearch";
import type { SearchIndex } from "@/lib/search/index";
import { hasMatch, highlight, queryNeedles, snippet } from "@/lib/search/highlight";
import { isCjkKey, keyLength, termKey } from "@/lib/search/term-key";
import { normalizeText, textRuns, tokenize } from "@/lib/search/tokenize";
import type { SearchOptions, SearchResponse } from "@/lib/search/types";

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 50;

/**
 * Title and tag matches first: a post *about* the query beats one that mentions it in passing. BM25 saturates term
 * frequency, so a body repeating a word many times cannot outweigh these boosts.
 */
const FIELD_BOOST = { title: 4, tags: 3, categories: 2, description: 1.5, body: 1 };
/** Extra weight for a post where a multi-character Chinese query occurs as written, not only as scattered bigrams. */
const PHRASE_BONUS = 0.5;

function engineOptions(combineWith: "AND" | "OR", fuzzy: boolean): EngineOptions {
  return {
    boost: FIELD_BOOST,
    combineWith,
    tokenize,
    processTerm: termKey,
    // The last word is a prefix while the reader types ("kube" → kubernetes); a lone Chinese character matches every
    // bigram it starts, since the index holds bigrams only.
    prefix: (key, i, keys) => (isCjkKey(key) ? keyLength(key) === 1 : i === keys.length - 1 && key.length >= 2),
    // Typos in longer Latin words: one edit from 6 letters, two from 10 ("kuberentes"). Fuzzy matching costs about
    // ten times an exact lookup, so it is only tried when the exact query found nothing.
    fuzzy: fuzzy ? (key) => (!isCjkKey(key) && key.length >= 6 ? 0.2 : false) : false,
  };
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/**
 * Searches published posts. Every query term must match (in any field); if that finds nothing, the same with typo
 * tolerance; then any word may, so a query with one unknown word still returns the posts matching the rest. Results
 * are ranked by BM25 with field boosts and a bonus for contiguous Chinese phrases, then newest first on ties.
 */
export function search(index: SearchIndex, rawQuery: string, options: SearchOptions = {}): SearchResponse {
  const query = rawQuery.trim().slice(0, MAX_QUERY_LENGTH);
  const perPage = clampInt(options.perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
  const empty: SearchResponse = { query, total: 0, page: 1, pageCount: 0, perPage, results: [] };
  if (tokenize(query).length === 0) return empty;

  const runs = textRuns(normalizeText(query));
  let found = index.engine.search(query, engineOptions("AND", false));
  if (found.length === 0) found = index.engine.search(query, engineOptions("AND", true));
  if (found.length === 0 && runs.length > 1) {
    // Any word may match, but a Chinese word still has to match whole (all its bigrams), or "未发布" would return
    // every post that says "发布".
    const anyWord: Query = { combineWith: "OR", queries: runs.map((run) => ({ combineWith: "AND", queries: [run.text] })) };
    found = index.engine.search(anyWord, engineOptions("OR", true));
  }

  const phrases = runs.filter((run) => run.cjk && Array.from(run.text).length > 2).map((run) => run.text);
  const ranked = found
    .flatMap((result) => {
      const doc = index.posts.get(String(result.id));
      if (!doc) return [];
      const inPlace = phrases.filter((phrase) => doc.normalized.includes(phrase)).length;
      const score = phrases.length > 0 ? result.score * (1 + (PHRASE_BONUS * inPlace) / phrases.length) : result.score;
      return [{ doc, score }];
    })
    .sort((a, b) => b.score - a.score || b.doc.summary.date.localeCompare(a.doc.summary.date));

  const total = ranked.length;
  if (total === 0) return empty;
  const pageCount = Math.ceil(total / perPage);
  const page = clampInt(options.page, 1, 1, pageCount);
  const needles = queryNeedles(query);
  const results = ranked.slice((page - 1) * perPage, page * perPage).map(({ doc, score }) => {
    const body = snippet(doc.text, needles);
    return {
      post: doc.summary,
      score,
      title: highlight(doc.summary.title, needles),
      snippet: hasMatch(body) || doc.summary.description === "" ? body : snippet(doc.summary.description, needles),
    };
  });
  return { query, total, page, pageCount, perPage, results };
}
