/**
 * The home list's cache key. `/?tag=b&tag=A&category=c&page=2&utm_source=x` and every other spelling of the same
 * filters name one cached page, `/cached-list/2/category:c/tag:a/tag:b` (proxy.ts rewrites to it; the URL readers see
 * does not change). Pure and dependency-free: the proxy imports it.
 *
 * A request is only sent to the cache when every filter is a term that exists (spelled as posts spell it), there are at
 * most MAX_CACHED_TAGS tags, and the page is within what the rarest filter can fill; anything else renders as it did
 * before, uncached. So made-up tags, page numbers and parameters cost one render each and never a cache entry: the
 * entries are bounded by the terms that exist.
 */
import { termKey } from "@/lib/content/terms";

export const CACHED_LIST_PREFIX = "/cached-list";

/** Filter combinations a reader builds from the filter bar; more tags than this are rendered, not cached. */
export const MAX_CACHED_TAGS = 3;

/** A term name must fit in a file name (`<segment>.segments` on disk, 255 bytes) to be a cache key. */
const MAX_SEGMENT_BYTES = 200;

/** The highest page number the list accepts (lib/posts/list-query.ts). */
const MAX_PAGE = 100_000;

export interface VocabularyTerm {
  name: string;
  count: number;
}

/** What the proxy knows of the published posts: refreshed in the background, never needed to be exact. */
export interface ListVocabulary {
  total: number;
  perPage: number;
  tags: ReadonlyMap<string, VocabularyTerm>;
  categories: ReadonlyMap<string, VocabularyTerm>;
}

/** Where the server keeps its ListVocabularySource (lib/singleton.ts). */
export const LIST_VOCABULARY_KEY = "list-vocabulary";

export interface ListVocabularySource {
  /** The latest picture, or undefined before the first has loaded; asking may start a refresh in the background. */
  current(): ListVocabulary | undefined;
}

export interface CanonicalFilters {
  page: number;
  tags: string[];
  category: string | undefined;
}

const encoder = new TextEncoder();

/** The page the list would show: as lib/posts/list-query.ts reads it (first value, junk → 1). */
function readPage(raw: string | null): number | null {
  if (raw === null) return 1;
  const trimmed = raw.trim();
  if (trimmed === "") return 1;
  const n = Number(trimmed);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) return 1;
  return n;
}

/**
 * The canonical filters of a home-list query string, or null when the request should not be cached (an unknown
 * term, too many tags, a page past the end, a name too long for a key). Mirrors parseListQuery's reading of the
 * parameters so the cached page and the rendered one show the same list.
 */
export function canonicalListFilters(params: URLSearchParams, vocabulary: ListVocabulary): CanonicalFilters | null {
  const page = readPage(params.get("page"));
  if (page === null) return null;

  const rawTags = params.getAll("tag");
  // parseListQuery drops the whole tag list when there are more than 10 values or one is over 100 characters.
  if (rawTags.length > 10 || rawTags.some((tag) => tag.trim().length > 100)) return null;
  const tags = new Map<string, VocabularyTerm>();
  for (const raw of rawTags) {
    const key = termKey(raw);
    if (key === "") continue;
    const term = vocabulary.tags.get(key);
    if (!term) return null;
    tags.set(key, term);
  }
  if (tags.size > MAX_CACHED_TAGS) return null;

  let category: VocabularyTerm | undefined;
  const rawCategory = params.get("category");
  if (rawCategory !== null && rawCategory.trim() !== "") {
    if (rawCategory.trim().length > 100) return null;
    category = vocabulary.categories.get(termKey(rawCategory));
    if (!category) return null;
  }

  // No more pages than the rarest filter can fill; further pages show the last one, rendered each time.
  const counts = [...tags.values(), ...(category ? [category] : [])].map((t) => t.count);
  const most = counts.length > 0 ? Math.min(...counts) : vocabulary.total;
  if (page > Math.max(1, Math.ceil(most / vocabulary.perPage))) return null;

  const names = [...tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t.name);
  if ([...names, category?.name ?? ""].some((name) => encoder.encode(name).length > MAX_SEGMENT_BYTES)) return null;
  return { page, tags: names, category: category?.name };
}

/** The internal path of a canonical list page. */
export function cachedListPath(filters: CanonicalFilters): string {
  const segments = [String(filters.page)];
  if (filters.category) segments.push(encodeURIComponent(`category:${filters.category}`));
  for (const tag of filters.tags) segments.push(encodeURIComponent(`tag:${tag}`));
  return `${CACHED_LIST_PREFIX}/${segments.join("/")}`;
}

/** The filters named by a cached-list path's segments (already decoded), or null when it is not one we write. */
export function parseCachedListSegments(page: string, segments: readonly string[]): CanonicalFilters | null {
  if (!/^[1-9][0-9]{0,5}$/.test(page) || Number(page) > MAX_PAGE) return null;
  const tags: string[] = [];
  let category: string | undefined;
  for (const [index, segment] of segments.entries()) {
    if (segment.startsWith("category:") && index === 0 && segment.length > "category:".length) category = segment.slice("category:".length);
    else if (segment.startsWith("tag:") && segment.length > "tag:".length) tags.push(segment.slice("tag:".length));
    else return null;
  }
  if (tags.length > MAX_CACHED_TAGS) return null;
  return { page: Number(page), tags, category };
}
