import type { Metadata } from "next";
import { SearchView, searchMetadata } from "@/app/(site)/_lib/search";
import { NotFoundPage } from "@/components/not-found-page";
import { parseCachedSearchSegments } from "@/lib/search/search-key";
import { decodePathSegment } from "@/lib/url";

/**
 * The search page for one admitted query, as an ISR page: proxy.ts rewrites `/search?q=…&page=…` here
 * (lib/search/search-key.ts); every write expires it (posts:list), as does the next scheduled post's time.
 */
type Params = Promise<{ page: string; q?: string[] }>;

export function generateStaticParams(): { page: string; q: string[] }[] {
  return [{ page: "1", q: [] }];
}

async function searchOf(params: Params) {
  const { page, q = [] } = await params;
  const decoded = q.map(decodePathSegment);
  if (decoded.some((segment) => segment === null)) return null;
  return parseCachedSearchSegments(page, decoded as string[]);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const search = await searchOf(params);
  return search ? searchMetadata(search.q) : { title: "找不到页面" };
}

export default async function CachedSearchPage({ params }: { params: Params }) {
  const search = await searchOf(params);
  return search ? <SearchView q={search.q} page={search.page} /> : <NotFoundPage />;
}
