import { Highlighted } from "@/components/search/highlighted";
import { searchHref } from "@/components/search/search-href";
import { formatDate } from "@/lib/format";
import { postPath, tagPath } from "@/lib/site";
import type { SearchResponse } from "@/lib/search/types";

/**
 * Search results, rendered the same on the server (no JavaScript) and by the live search after each keystroke:
 * no hooks here, only markup. Links are plain anchors so this renders identically in both places.
 */
export function SearchResults({ response }: { response: SearchResponse }) {
  const { query, total, page, pageCount, results } = response;
  if (query === "") return <p className="py-8 text-slate-500 dark:text-slate-400">输入关键词搜索标题、标签、分类和正文。</p>;
  if (total === 0) {
    return (
      <p className="py-8 text-slate-500 dark:text-slate-400" data-testid="search-empty">
        没有找到与“{query}”相关的文章。
      </p>
    );
  }
  const link = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <>
      <ol className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="搜索结果">
        {results.map((hit) => (
          <li key={hit.post.slug} className="space-y-1.5 py-5" data-testid="search-result">
            <h2 className="text-lg font-semibold leading-snug text-slate-900 dark:text-white">
              <a href={postPath(hit.post.slug)} className="hover:text-sky-700 dark:hover:text-sky-400">
                <Highlighted parts={hit.title} />
              </a>
            </h2>
            <p className="text-sm text-slate-500 dark:text-slate-400">
              <time dateTime={hit.post.date}>{formatDate(hit.post.date)}</time>
              {hit.post.tags.map((tag) => (
                <a key={tag} href={tagPath(tag)} className="ml-2 hover:text-sky-700 dark:hover:text-sky-400">
                  #{tag}
                </a>
              ))}
            </p>
            <p className="leading-relaxed text-slate-700 dark:text-slate-300">
              <Highlighted parts={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
      {pageCount > 1 ? (
        <nav aria-label="搜索结果分页" className="mt-8 flex items-center justify-between text-sm">
          {page > 1 ? (
            <a href={searchHref(query, page - 1)} rel="prev" className={link}>
              ← 上一页
            </a>
          ) : (
            <span />
          )}
          <span className="text-slate-500 dark:text-slate-400">
            第 {page} / {pageCount} 页
          </span>
          {page < pageCount ? (
            <a href={searchHref(query, page + 1)} rel="next" className={link}>
              下一页 →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
