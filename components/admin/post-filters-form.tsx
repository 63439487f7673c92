import Link from "next/link";
import type { AdminPostFilters } from "@/lib/admin/types";
import type { AdminTranslator } from "@/lib/i18n/catalogue";
import { hasActiveFilters } from "./admin-filters";
import { inputClass, primaryButtonClass, linkClass } from "./styles";

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and works without JavaScript. */
export function PostFiltersForm({
  filters,
  terms,
  t,
}: {
  filters: AdminPostFilters;
  terms: { tags: string[]; categories: string[] };
  t: AdminTranslator;
}) {
  return (
    <form method="get" action="/admin" role="search" aria-label={t("list.filters")} className="mb-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="filter-status" className="block text-sm font-medium">
          {t("list.status")}
        </label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? "all"} className={inputClass}>
          <option value="all">{t("list.allStatuses")}</option>
          <option value="published">{t("status.published")}</option>
          <option value="scheduled">{t("status.scheduled")}</option>
          <option value="draft">{t("status.draft")}</option>
          <option value="deleted">{t("status.deleted")}</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-tag" className="block text-sm font-medium">
          {t("list.tag")}
        </label>
        <input id="filter-tag" name="tag" list="filter-tag-options" defaultValue={filters.tag ?? ""} className={inputClass} />
        <datalist id="filter-tag-options">
          {terms.tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="filter-category" className="block text-sm font-medium">
          {t("list.category")}
        </label>
        <input
          id="filter-category"
          name="category"
          list="filter-category-options"
          defaultValue={filters.category ?? ""}
          className={inputClass}
        />
        <datalist id="filter-category-options">
          {terms.categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="filter-author" className="block text-sm font-medium">
          {t("list.author")}
        </label>
        <input id="filter-author" name="author" defaultValue={filters.author ?? ""} className={inputClass} />
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor="filter-q" className="block text-sm font-medium">
          {t("list.search")}
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} className={inputClass} />
      </div>
      {/* The order chosen by a column stays when the filters change; the page goes back to the first. */}
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.direction ? <input type="hidden" name="direction" value={filters.direction} /> : null}
      <button type="submit" className={primaryButtonClass}>
        {t("list.filter")}
      </button>
      {hasActiveFilters(filters) ? (
        <Link href="/admin" className={`${linkClass} py-1.5 text-sm`}>
          {t("list.clearFilters")}
        </Link>
      ) : null}
    </form>
  );
}
