import { Highlighted } from "@/components/search/highlighted";
import { searchHref } from "@/components/search/search-href";
import { suggestTerms, type SuggestableTerm } from "@/components/search/term-suggestions";
import { termKey } from "@/lib/content/terms";
import { formatDate } from "@/lib/format";
import { postPath, tagPath } from "@/lib/site";
import type { SearchResponse } from "@/lib/search/types";

/** Tags to offer on the search page, and the display names (content/terms.yaml) of tags, keyed by `termKey`. */
export interface SearchTerms {
  popular: SuggestableTerm[];
  labels: Record<string, string>;
}

function TermSuggestions({ query, terms, heading }: { query: string; terms: SearchTerms; heading?: string }) {
  const { nearby, terms: suggested } = suggestTerms(query, terms.popular);
  if (suggested.length === 0) return null;
  return (
    <div className="mt-4" data-testid="search-suggestions">
      <p className="text-sm text-slate-600 dark:text-slate-300">{heading ?? (nearby ? "相近的标签：" : "不妨从这些标签看起：")}</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {suggested.map((term) => (
          <li key={term.name}>
            <a
              href={tagPath(term.name)}
              className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:border-sky-600 hover:text-sky-800 dark:border-slate-700 dark:text-slate-300 dark:hover:border-sky-400 dark:hover:text-sky-300"
            >
              #{term.label} <span className="text-xs text-slate-500 dark:text-slate-400">{term.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Search results, rendered the same on the server (no JavaScript) and by the live search after each keystroke:
 * no hooks here, only markup. Links are plain anchors so this renders identically in both places.
 */
export function SearchResults({ response, terms }: { response: SearchResponse; terms: SearchTerms }) {
  const { query, total, page, pageCount, results } = response;
  if (query === "") {
    return (
      <div className="py-6">
        <p className="text-slate-500 dark:text-slate-400">输入关键词搜索标题、标签、分类和正文。</p>
        <TermSuggestions query="" terms={terms} heading="常见标签：" />
      </div>
    );
  }
  if (total === 0) {
    return (
      <div className="py-6" data-testid="search-empty">
        <p className="text-slate-700 dark:text-slate-200">没有找到与“{query}”相关的文章。换个说法，或者按标签浏览。</p>
        <TermSuggestions query={query} terms={terms} />
      </div>
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
                  #{terms.labels[termKey(tag)] ?? tag}
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
