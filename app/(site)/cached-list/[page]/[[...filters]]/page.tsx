import type { Metadata } from "next";
import { HomeList, homeMetadata } from "@/app/(site)/_lib/home";
import { NotFoundPage } from "@/components/not-found-page";
import { termKey } from "@/lib/content/terms";
import { findTerm, listPosts } from "@/lib/posts";
import { parseCachedListSegments, type CanonicalFilters } from "@/lib/posts/list-key";
import { site } from "@/lib/site";
import { decodePathSegment } from "@/lib/url";

/**
 * The home list for one canonical filter combination, as an ISR page: proxy.ts rewrites `/?tag=…&category=…&page=…`
 * here (lib/posts/list-key.ts), and the list's cache tags (posts:list, and the next scheduled post's time) expire it.
 */
type Params = Promise<{ page: string; filters?: string[] }>;

export function generateStaticParams(): { page: string; filters: string[] }[] {
  return [{ page: "1", filters: [] }];
}

/**
 * Only the key the proxy would have written (lib/posts/list-key.ts: existing terms as posts spell them, tags sorted,
 * pages the rarest filter can fill) is a list; any other path here is a 404, so typing paths cannot grow the cache
 * past what the terms allow.
 */
async function isCanonical(filters: CanonicalFilters): Promise<boolean> {
  const keys = filters.tags.map(termKey);
  if (keys.some((key, i) => i > 0 && keys[i - 1] >= key)) return false;
  const wanted = [...filters.tags.map((name) => ["tags", name] as const), ...(filters.category ? [["categories", filters.category] as const] : [])];
  const terms = await Promise.all(wanted.map(([kind, name]) => findTerm(kind, name)));
  if (terms.some((term, i) => !term || term.name !== wanted[i][1])) return false;
  if (filters.page === 1) return true;
  const most = terms.length > 0 ? Math.min(...terms.map((term) => term?.count ?? 0)) : (await listPosts({ page: 1 })).total;
  return filters.page <= Math.max(1, Math.ceil(most / site.postsPerPage));
}

async function filtersOf(params: Params) {
  const { page, filters = [] } = await params;
  const decoded = filters.map(decodePathSegment);
  if (decoded.some((segment) => segment === null)) return null;
  const parsed = parseCachedListSegments(page, decoded as string[]);
  return parsed && (await isCanonical(parsed)) ? parsed : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const filters = await filtersOf(params);
  return filters ? homeMetadata(filters) : { title: "找不到页面" };
}

export default async function CachedListPage({ params }: { params: Params }) {
  const filters = await filtersOf(params);
  return filters ? <HomeList filters={filters} /> : <NotFoundPage />;
}
