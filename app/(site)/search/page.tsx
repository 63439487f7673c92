import type { Metadata } from "next";
import { LiveSearch } from "@/components/search/live-search";
import { searchHref } from "@/components/search/search-href";
import { parseSearchParams } from "@/lib/search/query-params";
import { searchPosts } from "@/lib/posts";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  return {
    title: q === "" ? "搜索" : `搜索：${q}`,
    alternates: { canonical: searchHref("") },
    // Result pages are endless and thin; search engines should follow the links, not index the lists.
    robots: q === "" ? undefined : { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { q, page } = parseSearchParams(await searchParams);
  const response = await searchPosts(q, { page });
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-slate-900 dark:text-white">搜索</h1>
      {/* Keyed by the query and page so a new navigation (form submit, page link) resets the client state. */}
      <LiveSearch key={`${response.query}\u0000${response.page}`} initial={response} />
    </>
  );
}
