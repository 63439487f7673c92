import { NextResponse, type NextRequest } from "next/server";
import { LIST_VOCABULARY_KEY, cachedListPath, canonicalListFilters, type ListVocabularySource } from "@/lib/posts/list-key";
import { SearchAdmission, cachedSearchPath, canonicalSearch } from "@/lib/search/search-key";
import { peekProcessSingleton } from "@/lib/singleton";

/**
 * The home list and the search page read query parameters, so Next renders them on every request. The proxy sends
 * each canonical query to an ISR route keyed by it instead (`/cached-list/…`, `/cached-search/…`, tagged like the
 * pages they replace, so writes expire them); the reader's URL does not change. Whatever is not a bounded key goes on
 * to the page as before and is rendered. The internal routes are not in the proxy's matcher (Next would run the proxy
 * a second time for the rewritten path, which halved the list's throughput); asked for directly, they answer 404
 * unless the path is the canonical key of existing terms (app/(site)/cached-list/…), like /tags/<name> does.
 */
const admission = new SearchAdmission();


function vocabulary() {
  return peekProcessSingleton<ListVocabularySource>(LIST_VOCABULARY_KEY)?.current();
}

function rewrite(request: NextRequest, pathname: string): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  return NextResponse.rewrite(url);
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
  return null;
}
