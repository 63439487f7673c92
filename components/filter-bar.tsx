import Link from "next/link";
import { termKey } from "@/lib/content/terms";
import type { TermCount } from "@/lib/posts";
import { listHref, type ListFilters } from "@/lib/posts/list-query";
import { categoryName, tagName } from "@/lib/terms";

interface FilterProps {
  filters: ListFilters;
  tags: TermCount[];
  categories: TermCount[];
}

const TAG_LIMIT = 30;

/** Tag and category toggles that add to (or drop from) the filters in force, so filters combine. */
function FilterLinks({ filters, tags, categories, headingLevel }: FilterProps & { headingLevel: "h3" | "p" }) {
  const activeTags = new Set(filters.tags.map(termKey));
  const activeCategory = filters.category ? termKey(filters.category) : null;
  const base = "inline-block rounded-full border px-2.5 py-1 text-xs leading-none";
  const on = "border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950";
  const off =
    "border-slate-300 text-slate-700 hover:border-sky-600 hover:text-sky-800 dark:border-slate-700 dark:text-slate-300 dark:hover:border-sky-400 dark:hover:text-sky-300";
  const Heading = headingLevel;
  const heading = "mb-2 text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400";

  return (
    <div className="space-y-4">
      <div>
        <Heading className={heading}>分类</Heading>
        <ul className="flex flex-wrap gap-1.5">
          {categories.map((c) => {
            const active = activeCategory === c.key;
            return (
              <li key={c.key}>
                <Link prefetch={false}
                  href={listHref({ ...filters, page: 1, category: active ? undefined : c.name })}
                  aria-current={active ? "true" : undefined}
                  className={`${base} ${active ? on : off}`}
                >
                  {categoryName(c.name)} <span className="tabular-nums">{c.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <Heading className={heading}>标签</Heading>
        <ul className="flex flex-wrap gap-1.5">
          {tags.slice(0, TAG_LIMIT).map((t) => {
            const active = activeTags.has(t.key);
            const nextTags = active ? filters.tags.filter((x) => termKey(x) !== t.key) : [...filters.tags, t.name];
            return (
              <li key={t.key}>
                <Link prefetch={false}
                  href={listHref({ ...filters, page: 1, tags: nextTags })}
                  aria-current={active ? "true" : undefined}
                  className={`${base} ${active ? on : off}`}
                >
                  {tagName(t.name)} <span className="tabular-nums">{t.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        {tags.length > TAG_LIMIT ? (
          <Link prefetch={false} href="/tags" className="mt-2 inline-block text-xs text-sky-700 hover:underline dark:text-sky-400">
            全部标签 →
          </Link>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The filters, twice over: always visible in a side column on wide screens, folded into a disclosure above the list
 * on phones (open when a filter is in force). Only one of the two is ever displayed; the other is `display: none`,
 * so it is neither seen nor read out.
 */
export function FilterBar(props: FilterProps) {
  const filtering = props.filters.tags.length > 0 || !!props.filters.category;
  return (
    <details className="mb-6 rounded-lg border border-slate-200 p-3 text-sm lg:hidden dark:border-slate-800" open={filtering}>
      <summary className="cursor-pointer select-none font-medium text-slate-700 dark:text-slate-300">按分类和标签筛选</summary>
      <div className="mt-3">
        <FilterLinks {...props} headingLevel="p" />
      </div>
    </details>
  );
}

/** The wide-screen side column of the home page. */
export function FilterSidebar(props: FilterProps) {
  return (
    <aside aria-labelledby="filters-heading" className="hidden lg:block" data-testid="filter-sidebar">
      <h2 id="filters-heading" className="mb-4 text-sm font-semibold text-slate-900 dark:text-white">
        按分类和标签筛选
      </h2>
      <FilterLinks {...props} headingLevel="h3" />
    </aside>
  );
}
