import Link from "next/link";
import { termKey } from "@/lib/content/query";
import type { TermCount } from "@/lib/posts";
import { listHref, type ListFilters } from "@/lib/posts/list-query";

/** Tag and category toggles that add to (or drop from) the filters in force, so filters combine. */
export function FilterBar({ filters, tags, categories }: { filters: ListFilters; tags: TermCount[]; categories: TermCount[] }) {
  const activeTags = new Set(filters.tags.map(termKey));
  const activeCategory = filters.category ? termKey(filters.category) : null;
  const base = "rounded-full border px-2.5 py-0.5 text-xs";
  const on = "border-sky-600 bg-sky-600 text-white dark:border-sky-500 dark:bg-sky-600";
  const off =
    "border-slate-300 text-slate-700 hover:border-sky-500 hover:text-sky-700 dark:border-slate-700 dark:text-slate-300 dark:hover:text-sky-300";

  return (
    <details className="mb-6 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" open={filters.tags.length > 0 || !!filters.category}>
      <summary className="cursor-pointer select-none font-medium text-slate-700 dark:text-slate-300">按分类和标签筛选</summary>
      <div className="mt-3 space-y-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="mr-1 text-slate-500 dark:text-slate-400">分类</span>
          {categories.map((c) => {
            const active = activeCategory === c.key;
            return (
              <Link
                key={c.key}
                href={listHref({ ...filters, page: 1, category: active ? undefined : c.name })}
                aria-pressed={active}
                className={`${base} ${active ? on : off}`}
              >
                {c.name} <span className="opacity-70">{c.count}</span>
              </Link>
            );
          })}
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="mr-1 text-slate-500 dark:text-slate-400">标签</span>
          {tags.slice(0, 30).map((t) => {
            const active = activeTags.has(t.key);
            const nextTags = active ? filters.tags.filter((x) => termKey(x) !== t.key) : [...filters.tags, t.name];
            return (
              <Link
                key={t.key}
                href={listHref({ ...filters, page: 1, tags: nextTags })}
                aria-pressed={active}
                className={`${base} ${active ? on : off}`}
              >
                {t.name} <span className="opacity-70">{t.count}</span>
              </Link>
            );
          })}
          {tags.length > 30 ? (
            <Link href="/tags" className="text-xs text-sky-700 hover:underline dark:text-sky-400">
              全部标签 →
            </Link>
          ) : null}
        </div>
      </div>
    </details>
  );
}
