import type { Metadata } from "next";
import { LiveSearch } from "@/components/search/live-search";
import { searchHref } from "@/components/search/search-href";
import type { SearchTerms } from "@/components/search/search-results";
import { getTerms, searchPosts } from "@/lib/posts";
import { termDisplay, termDisplayNames } from "@/lib/terms";

/**
 * The search page from a query already read: `/search` renders it from the query string, the ISR route proxy.ts
 * rewrites admitted queries to (`/cached-search/…`) from its path. One component, so the two cannot differ.
 */

/** Enough tags to suggest from without sending the whole vocabulary to the browser. */
const SUGGESTABLE_TAGS = 60;

async function searchTerms(): Promise<SearchTerms> {
  const tags = (await getTerms("tags")).slice().sort((a, b) => b.count - a.count).slice(0, SUGGESTABLE_TAGS);
  const labels = Object.fromEntries([...termDisplayNames().tags].map(([key, display]) => [key, display.name]));
  return { popular: tags.map((t) => ({ name: t.name, label: termDisplay("tags", t.name).name, count: t.count })), labels };
}

export function searchMetadata(q: string): Metadata {
  return {
    title: q === "" ? "搜索" : `搜索：${q}`,
    alternates: { canonical: searchHref("") },
    // Result pages are endless and thin; search engines should follow the links, not index the lists.
    robots: q === "" ? undefined : { index: false, follow: true },
  };
}

export async function SearchView({ q, page }: { q: string; page: number }) {
  const [response, terms] = await Promise.all([searchPosts(q, { page }), searchTerms()]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-slate-900 dark:text-white">搜索</h1>
      {/* Keyed by the query and page so a new navigation (form submit, page link) resets the client state. */}
      <LiveSearch key={`${response.query}\u0000${response.page}`} initial={response} terms={terms} />
    </>
  );
}
