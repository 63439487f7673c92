import { NextResponse, type NextRequest } from "next/server";
import { CACHED_LIST_PREFIX, LIST_VOCABULARY_KEY, cachedListPath, canonicalListFilters, type ListVocabularySource } from "@/lib/posts/list-key";
import { CACHED_SEARCH_PREFIX, SearchAdmission, cachedSearchPath, canonicalSearch } from "@/lib/search/search-key";
import { peekProcessSingleton } from "@/lib/singleton";

/**
 * The home list and the search page read query parameters, so Next renders them on every request. The proxy sends
 * each canonical query to an ISR route keyed by it instead (`/cached-list/…`, `/cached-search/…`, tagged like the
 * pages they replace, so writes expire them); the reader's URL does not change. Whatever is not a bounded key goes on
 * to the page as before and is rendered.
 */
const admission = new SearchAdmission();

/**
 * Next runs the proxy again for the path it rewrote to. This process's own rewrites carry this header with a value
 * made at start, so only they reach the internal routes; asked for directly, those routes do not exist.
 */
const INTERNAL_HEADER = "x-digest-cached-route";
const internalToken = crypto.randomUUID();

function vocabulary() {
  return peekProcessSingleton<ListVocabularySource>(LIST_VOCABULARY_KEY)?.current();
}

function rewrite(request: NextRequest, pathname: string): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  const headers = new Headers(request.headers);
  headers.set(INTERNAL_HEADER, internalToken);
  return NextResponse.rewrite(url, { request: { headers } });
}

/** The proxy's answer for a reader path, or null when the path is not one of these. */
export function readerCacheResponse(request: NextRequest): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === "/") {
    const known = vocabulary();
    const filters = known ? canonicalListFilters(searchParams, known) : null;
    return filters ? rewrite(request, cachedListPath(filters)) : NextResponse.next();
  }
  if (pathname === "/search") {
    const search = canonicalSearch(searchParams);
    return search && admission.admit(search.q, vocabulary()) ? rewrite(request, cachedSearchPath(search)) : NextResponse.next();
  }
  if (pathname === CACHED_LIST_PREFIX || pathname.startsWith(`${CACHED_LIST_PREFIX}/`) || pathname === CACHED_SEARCH_PREFIX || pathname.startsWith(`${CACHED_SEARCH_PREFIX}/`)) {
    if (request.headers.get(INTERNAL_HEADER) === internalToken) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.pathname = "/_not-found";
    url.search = "";
    return NextResponse.rewrite(url);
  }
  return null;
}
