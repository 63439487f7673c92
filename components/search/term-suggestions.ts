import { termKey } from "@/lib/content/terms";

/** A tag the search page may suggest: the name URLs use, how it is shown, and how many posts carry it. */
export interface SuggestableTerm {
  name: string;
  label: string;
  count: number;
}

/** Pairs of adjacent Chinese characters: two Chinese texts sharing one are about the same thing more often than not. */
function hanBigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  return grams;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** How close a term is to the query: 0 = unrelated. Compares both the URL name and the display name. */
function closeness(query: string, term: SuggestableTerm): number {
  const q = termKey(query);
  if (q === "") return 0;
  let best = 0;
  for (const candidate of new Set([termKey(term.name), termKey(term.label)])) {
    if (candidate === q) best = Math.max(best, 4);
    else if (candidate.includes(q) || q.includes(candidate)) best = Math.max(best, 3);
    else {
      const candidateGrams = hanBigrams(candidate);
      const shared = [...hanBigrams(q)].filter((gram) => candidateGrams.has(gram)).length;
      if (shared > 0) best = Math.max(best, 2);
      // A typo in a Latin word: kuberntes → kubernetes.
      const words = q.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4);
      if (words.some((word) => editDistance(word, candidate) <= Math.max(1, Math.floor(candidate.length / 5)))) best = Math.max(best, 2);
    }
  }
  return best;
}

/**
 * What to offer when a search finds nothing: tags near the query (a shared substring or character pair, a small typo),
 * most-used first; when none is near, the most-used tags, so the page always leads somewhere.
 */
export function suggestTerms(query: string, terms: SuggestableTerm[], limit = 8): { nearby: boolean; terms: SuggestableTerm[] } {
  const scored = terms
    .map((term) => ({ term, score: closeness(query, term) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.term.count - a.term.count || a.term.name.localeCompare(b.term.name));
  if (scored.length > 0) return { nearby: true, terms: scored.slice(0, limit).map((entry) => entry.term) };
  const popular = [...terms].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { nearby: false, terms: popular.slice(0, limit) };
}
