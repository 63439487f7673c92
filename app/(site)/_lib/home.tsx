import type { Metadata } from "next";
import Link from "next/link";
import { ActiveFilters } from "@/components/active-filters";
import { FilterBar, FilterSidebar } from "@/components/filter-bar";
import { Pagination } from "@/components/pagination";
import { FeaturedPost, PostListItems } from "@/components/post-list-item";
import { getFacets, listPosts } from "@/lib/posts";
import { listHref, type ListFilters } from "@/lib/posts/list-query";
import { withCover } from "@/lib/reader/cover";
import { feedAlternates, site } from "@/lib/site";
import { categoryName, tagName } from "@/lib/terms";

/**
 * The home list, from filters already read: the page at `/` renders it from the query string; the ISR route that
 * proxy.ts rewrites canonical queries to (`/cached-list/…`) renders it from its path. One component, so the two
 * cannot differ.
 */
export function homeMetadata(filters: ListFilters): Metadata {
  const parts = [...filters.tags.map((t) => `#${tagName(t)}`), ...(filters.category ? [categoryName(filters.category)] : [])];
  const filtered = parts.length > 0 || filters.page > 1;
  return {
    title: parts.length > 0 ? `${parts.join(" ")} 的文章` : filters.page > 1 ? `第 ${filters.page} 页` : { absolute: site.name },
    alternates: { canonical: listHref(filters), types: feedAlternates },
    // Filter combinations are endless; only the plain list is worth indexing.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

function SiteIntro() {
  return (
    <section aria-labelledby="site-title" className="mb-8 border-b border-slate-200 pb-8 dark:border-slate-800">
      <h1 id="site-title" className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
        {site.name}
      </h1>
      <p className="mt-3 max-w-[42rem] text-lg leading-relaxed text-slate-600 dark:text-slate-300">{site.description}</p>
      <p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <a href="/feed.xml" className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          RSS 订阅
        </a>
        <Link href="/tags" className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          按标签浏览
        </Link>
        <Link href="/search" className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          搜索往期
        </Link>
      </p>
    </section>
  );
}

export async function HomeList({ filters }: { filters: ListFilters }) {
  const [list, facets] = await Promise.all([
    listPosts({ page: filters.page, tags: filters.tags, category: filters.category }),
    getFacets({ tags: filters.tags, category: filters.category }),
  ]);
  const filtering = filters.tags.length > 0 || !!filters.category;
  const posts = list.posts.map(withCover);
  // The plain first page opens with the newest issue; filtered lists and later pages are lists only.
  const featured = !filtering && list.page === 1 ? posts[0] : undefined;
  const rest = featured ? posts.slice(1) : posts;

  return (
    <>
      {filtering || list.page > 1 ? <h1 className="sr-only">{site.name}</h1> : <SiteIntro />}
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12">
        <div className="min-w-0">
          <ActiveFilters filters={filters} />
          <FilterBar filters={filters} tags={facets.tags} categories={facets.categories} />
          {list.total === 0 ? (
            <p className="py-12 text-center text-slate-500 dark:text-slate-400">没有符合条件的文章。</p>
          ) : (
            <>
              {featured ? <FeaturedPost post={featured} /> : null}
              <p className="text-sm text-slate-500 dark:text-slate-400">{featured ? `往期 · 共 ${list.total} 篇文章` : `共 ${list.total} 篇文章`}</p>
              <PostListItems posts={rest} />
            </>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => listHref({ ...filters, page })} />
        </div>
        <FilterSidebar filters={filters} tags={facets.tags} categories={facets.categories} />
      </div>
    </>
  );
}
