import Link from "next/link";
import type { AdminPostFilters } from "@/lib/admin/types";
import type { AdminTranslator } from "@/lib/i18n/catalogue";
import { adminListHref } from "./admin-filters";
import { linkClass } from "./styles";

/** First, previous, next and last page of the admin list, as links that keep its filters and order. */
export function AdminPagination({ filters, page, pageCount, t }: { filters: AdminPostFilters; page: number; pageCount: number; t: AdminTranslator }) {
  if (pageCount <= 1) return null;
  const step = (target: number, label: string, rel?: "prev" | "next") =>
    target === page || target < 1 || target > pageCount ? (
      <span className="text-slate-400 dark:text-slate-600" aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link href={adminListHref(filters, { page: target })} rel={rel} className={linkClass}>
        {label}
      </Link>
    );
  return (
    <nav aria-label={t("list.pagination")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {step(1, t("list.firstPage"))}
      {step(page - 1, t("list.previousPage"), "prev")}
      <span aria-current="page">{t("list.pageInfo", { page, pageCount })}</span>
      {step(page + 1, t("list.nextPage"), "next")}
      {step(pageCount, t("list.lastPage"))}
    </nav>
  );
}
