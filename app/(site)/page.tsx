import type { Metadata } from "next";
import { ActiveFilters } from "@/components/active-filters";
import { FilterBar } from "@/components/filter-bar";
import { Pagination } from "@/components/pagination";
import { PostListItems } from "@/components/post-list-item";
import { getFacets, listPosts } from "@/lib/posts";
import { listHref, parseListQuery } from "@/lib/posts/list-query";
import { feedAlternates, site } from "@/lib/site";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const filters = parseListQuery(await searchParams);
  const parts = [...filters.tags.map((t) => `#${t}`), ...(filters.category ? [filters.category] : [])];
  const filtered = parts.length > 0 || filters.page > 1;
  return {
    title: parts.length > 0 ? `${parts.join(" ")} 的文章` : filters.page > 1 ? `第 ${filters.page} 页` : { absolute: site.name },
    alternates: { canonical: listHref(filters), types: feedAlternates },
    // Filter combinations are endless; only the plain list is worth indexing.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const filters = parseListQuery(await searchParams);
  const [list, facets] = await Promise.all([
    listPosts({ page: filters.page, tags: filters.tags, category: filters.category }),
    getFacets({ tags: filters.tags, category: filters.category }),
  ]);

  return (
    <>
      <h1 className="sr-only">{site.name}</h1>
      <ActiveFilters filters={filters} />
      <FilterBar filters={filters} tags={facets.tags} categories={facets.categories} />
      {list.total === 0 ? (
        <p className="py-12 text-center text-slate-500 dark:text-slate-400">没有符合条件的文章。</p>
      ) : (
        <>
          <p className="text-sm text-slate-500 dark:text-slate-400">共 {list.total} 篇文章</p>
          <PostListItems posts={list.posts} />
        </>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => listHref({ ...filters, page })} />
    </>
  );
}
