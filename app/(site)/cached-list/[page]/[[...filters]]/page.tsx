import type { Metadata } from "next";
import { HomeList, homeMetadata } from "@/app/(site)/_lib/home";
import { NotFoundPage } from "@/components/not-found-page";
import { parseCachedListSegments } from "@/lib/posts/list-key";
import { decodePathSegment } from "@/lib/url";

/**
 * The home list for one canonical filter combination, as an ISR page: proxy.ts rewrites `/?tag=…&category=…&page=…`
 * here (lib/posts/list-key.ts), and the list's cache tags (posts:list, and the next scheduled post's time) expire it.
 */
type Params = Promise<{ page: string; filters?: string[] }>;

export function generateStaticParams(): { page: string; filters: string[] }[] {
  return [{ page: "1", filters: [] }];
}

async function filtersOf(params: Params) {
  const { page, filters = [] } = await params;
  const decoded = filters.map(decodePathSegment);
  if (decoded.some((segment) => segment === null)) return null;
  return parseCachedListSegments(page, decoded as string[]);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const filters = await filtersOf(params);
  return filters ? homeMetadata(filters) : { title: "找不到页面" };
}

export default async function CachedListPage({ params }: { params: Params }) {
  const filters = await filtersOf(params);
  return filters ? <HomeList filters={filters} /> : <NotFoundPage />;
}
