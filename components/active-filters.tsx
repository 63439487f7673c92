import Link from "next/link";
import { listHref, type ListFilters } from "@/lib/posts/list-query";
import { categoryName, tagName } from "@/lib/terms";

/** Shows the filters in force, each with a link that removes just that one. */
export function ActiveFilters({ filters }: { filters: ListFilters }) {
  const chips = [
    ...filters.tags.map((tag) => ({
      key: `tag:${tag}`,
      label: `标签：${tagName(tag)}`,
      removeHref: listHref({ ...filters, page: 1, tags: filters.tags.filter((t) => t !== tag) }),
    })),
    ...(filters.category
      ? [{ key: `category:${filters.category}`, label: `分类：${categoryName(filters.category)}`, removeHref: listHref({ ...filters, page: 1, category: undefined }) }]
      : []),
  ];
  if (chips.length === 0) return null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm" aria-label="当前筛选" role="region">
      <span className="text-slate-500 dark:text-slate-400">筛选：</span>
      {chips.map((chip) => (
        <span
          key={chip.key}
          data-testid="active-filter"
          className="inline-flex items-center gap-1 rounded-full bg-sky-100 py-0.5 pl-3 pr-1 text-sky-900 dark:bg-sky-900 dark:text-sky-100"
        >
          {chip.label}
          <Link prefetch={false}
            href={chip.removeHref}
            aria-label={`移除筛选 ${chip.label}`}
            className="rounded-full px-1.5 hover:bg-sky-200 dark:hover:bg-sky-800"
          >
            ×
          </Link>
        </span>
      ))}
      {chips.length > 1 ? (
        <Link prefetch={false} href="/" className="text-slate-500 underline hover:text-slate-900 dark:text-slate-400 dark:hover:text-white">
          清除全部
        </Link>
      ) : null}
    </div>
  );
}
