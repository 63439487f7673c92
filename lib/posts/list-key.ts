/**
 * The home list's cache key. `/?tag=b&tag=A&category=c&page=2&utm_source=x` and every other spelling of the same
 * filters name one cached page, `/cached-list/2/category:c/tag:a/tag:b` (proxy.ts rewrites to it; the URL readers see
 * does not change). Pure (no store, no server-only code): the proxy imports it.
 *
 * A request is only sent to the cache when every filter is a term that exists (spelled as posts spell it), there are at
 * most MAX_CACHED_TAGS tags, and the page is within what the rarest filter can fill; anything else renders as it did
 * before, uncached. So made-up tags, page numbers and parameters cost one render each and never a cache entry: the
 * entries are bounded by the terms that exist.
 */
import { termKey } from "@/lib/content/terms";
import { parseListQuery } from "@/lib/posts/list-query";

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

/** The query string as the home page receives it (a repeated key becomes a list), for parseListQuery. */
function recordOf(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}

/**
 * The canonical filters of a home-list query string, or null when the request should not be cached (an unknown
 * term, too many tags, a page past the end, a name too long for a key). The parameters are read by parseListQuery
 * itself, so the cached page and the rendered one always show the same list.
 */
export function canonicalListFilters(params: URLSearchParams, vocabulary: ListVocabulary): CanonicalFilters | null {
  const { page, tags: wanted, category: wantedCategory } = parseListQuery(recordOf(params));
  const tags = new Map<string, VocabularyTerm>();
  for (const raw of wanted) {
    const key = termKey(raw);
    const term = vocabulary.tags.get(key);
    if (!term) return null;
    tags.set(key, term);
  }
  if (tags.size > MAX_CACHED_TAGS) return null;

  let category: VocabularyTerm | undefined;
  if (wantedCategory !== undefined) {
    category = vocabulary.categories.get(termKey(wantedCategory));
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
