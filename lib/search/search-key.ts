/**
 * The search page's cache key: `/search?q=…&page=…` → `/cached-search/<page>/<q>` (proxy.ts rewrites; the reader's URL
 * stays). Pure: the proxy imports it. The query is read exactly as lib/search/query-params.ts reads it, so the cached
 * page shows what the rendered one would.
 *
 * Queries are endless, so entries are bounded by admission, not by the query: the empty query, a query that is the
 * name of a tag or category, and queries asked twice (the first ask renders uncached), at most MAX_ADMITTED per process.
 * Anything else renders as before.
 */
import { termKey } from "@/lib/content/terms";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";

export const CACHED_SEARCH_PREFIX = "/cached-search";

/** Result pages past this are rendered, not cached. */
const MAX_CACHED_PAGE = 10;
const MAX_SEGMENT_BYTES = 200;
const MAX_ADMITTED = 1_000;
const MAX_CANDIDATES = 1_000;

const encoder = new TextEncoder();

export interface CanonicalSearch {
  q: string;
  page: number;
}

function readPage(raw: string | null): number {
  if (raw === null || raw.trim() === "") return 1;
  const n = Number(raw.trim());
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/**
 * The terms that exist, keyed by `termKey` (lib/posts/list-key.ts's ListVocabulary is one): declared here by what
 * admission reads, so lib/search does not import the lib/posts layer above it.
 */
export interface KnownTerms {
  tags: ReadonlyMap<string, unknown>;
  categories: ReadonlyMap<string, unknown>;
}

/** Which queries may be cache keys: bounded, so made-up queries cannot grow the cache without end. */
export class SearchAdmission {
  private readonly admitted = new Set<string>();
  private readonly candidates = new Set<string>();

  admit(q: string, vocabulary: KnownTerms | undefined): boolean {
    if (q === "" || this.admitted.has(q)) return true;
    const key = termKey(q);
    if (vocabulary && (vocabulary.tags.has(key) || vocabulary.categories.has(key))) return true;
    if (this.admitted.size >= MAX_ADMITTED) return false;
    if (this.candidates.delete(q)) {
      this.admitted.add(q);
      return true;
    }
    this.candidates.add(q);
    // Oldest first out (a Set iterates in insertion order).
    if (this.candidates.size > MAX_CANDIDATES) this.candidates.delete(this.candidates.values().next().value as string);
    return false;
  }
}

export function canonicalSearch(params: URLSearchParams): CanonicalSearch | null {
  const q = (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const page = readPage(params.get("page"));
  if (page > MAX_CACHED_PAGE || encoder.encode(q).length > MAX_SEGMENT_BYTES) return null;
  return { q, page };
}

export function cachedSearchPath({ q, page }: CanonicalSearch): string {
  return q === "" ? `${CACHED_SEARCH_PREFIX}/${page}` : `${CACHED_SEARCH_PREFIX}/${page}/${encodeURIComponent(q)}`;
}

/** The query named by a cached-search path (segments already decoded), or null when it is not one we write. */
export function parseCachedSearchSegments(page: string, rest: readonly string[]): CanonicalSearch | null {
  if (!/^[1-9][0-9]?$/.test(page) || Number(page) > MAX_CACHED_PAGE || rest.length > 1) return null;
  const q = rest[0] ?? "";
  if (rest.length === 1 && (q === "" || q !== q.trim())) return null;
  return { q, page: Number(page) };
}
