import type { Metadata } from "next";
import { SearchView, searchMetadata } from "@/app/(site)/_lib/search";
import { parseSearchParams } from "@/lib/search/query-params";

/** Rendered on each request only for queries not admitted to the cache; proxy.ts sends the others to /cached-search/…. */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return searchMetadata(parseSearchParams(await searchParams).q);
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { q, page } = parseSearchParams(await searchParams);
  return <SearchView q={q} page={page} />;
}
