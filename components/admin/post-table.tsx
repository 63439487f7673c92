"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { BulkOperation } from "@/lib/admin/bulk";
import { formatScheduleTime } from "@/lib/admin/schedule";
import type { AdminPostFilters, AdminPostRow } from "@/lib/admin/types";
import { formatDate } from "@/lib/format";
import { adminListHref, defaultDirection, effectiveOrder } from "./admin-filters";
import { BulkActionBar } from "./bulk-action-bar";
import { useAdminI18n } from "./i18n";
import { editPath } from "./paths";
import { PostSourceLabel, PostStatusBadge } from "./post-status-badge";
import { linkClass } from "./styles";

type SortColumn = NonNullable<AdminPostFilters["sort"]>;

/**
 * The admin list's page of posts. A client component only for the selection the bulk actions work on; sorting and
 * paging are plain links (the URL holds the list's state), so the list itself works without JavaScript.
 */
export function PostTable({
  posts,
  filters,
  bulkOperations,
  timeZone,
}: {
  posts: AdminPostRow[];
  filters: AdminPostFilters;
  /** What this editor's role may do in bulk; none → no selection column. */
  bulkOperations: BulkOperation[];
  /** SITE_TIMEZONE (the browser cannot read it): when a scheduled post goes live is shown in it. */
  timeZone: string;
}) {
  const { t, locale } = useAdminI18n();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A refreshed page may have dropped posts (deleted, filtered out): only what is still listed stays selected.
  const chosen = useMemo(() => posts.filter((post) => selected.has(post.slug)), [posts, selected]);
  if (posts.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">{t("list.empty")}</p>;
  }
  const selectable = bulkOperations.length > 0;
  const allChosen = chosen.length === posts.length;
  const toggle = (slug: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(slug);
      else next.delete(slug);
      return next;
    });
  const order = effectiveOrder(filters);
  const heading = "py-2 pr-4 font-medium";
  const sortHeader = (column: SortColumn, label: string) => {
    const active = order.sort === column;
    const direction = active ? (order.direction === "asc" ? "desc" : "asc") : defaultDirection(column);
    return (
      <th scope="col" className={heading} aria-sort={active ? (order.direction === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={adminListHref(filters, { sort: column, direction })} className={linkClass} aria-label={t("list.sortBy", { column: label })}>
          {label}
          {active ? <span aria-hidden="true">{order.direction === "asc" ? " ↑" : " ↓"}</span> : null}
        </Link>
      </th>
    );
  };

  return (
    <div>
      {selectable ? <BulkActionBar posts={chosen} operations={bulkOperations} onClear={() => setSelected(new Set())} /> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("list.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              {selectable ? (
                <th scope="col" className="w-8 py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={t("list.selectPage")}
                    checked={allChosen}
                    onChange={(event) => setSelected(event.target.checked ? new Set(posts.map((post) => post.slug)) : new Set())}
                  />
                </th>
              ) : null}
              {sortHeader("title", t("list.title"))}
              <th scope="col" className={heading}>
                {t("list.status")}
              </th>
              <th scope="col" className={heading}>
                {t("list.author")}
              </th>
              {sortHeader("date", t("list.date"))}
              {sortHeader("updated", t("list.updated"))}
              <th scope="col" className={heading}>
                {t("list.source")}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t("list.tags")}
              </th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => (
              <tr key={post.slug} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                {selectable ? (
                  <td className="py-2 pr-2">
                    <input
                      type="checkbox"
                      aria-label={t("list.selectPost", { title: post.title })}
                      checked={selected.has(post.slug)}
                      onChange={(event) => toggle(post.slug, event.target.checked)}
                    />
                  </td>
                ) : null}
                <td className="py-2 pr-4">
                  <Link href={editPath(post.slug)} className={`${linkClass} font-medium`}>
                    {post.title}
                  </Link>
                  <div className="text-xs text-slate-500 dark:text-slate-400">{post.slug}</div>
                </td>
                <td className="py-2 pr-4">
                  <PostStatusBadge status={post.status} t={t} />
                  {post.status === "scheduled" && post.publishAt ? (
                    <div className="mt-1 whitespace-nowrap text-xs text-sky-800 dark:text-sky-300">
                      <time dateTime={post.publishAt}>{t("list.scheduledAt", { time: formatScheduleTime(post.publishAt, timeZone, locale) })}</time>
                    </div>
                  ) : null}
                </td>
                <td className="py-2 pr-4 text-slate-600 dark:text-slate-400">{post.author ?? ""}</td>
                <td className="whitespace-nowrap py-2 pr-4">
                  <time dateTime={post.date}>{formatDate(post.date, timeZone)}</time>
                </td>
                <td className="whitespace-nowrap py-2 pr-4">
                  {post.updatedAt ? <time dateTime={post.updatedAt}>{formatDate(post.updatedAt, timeZone)}</time> : null}
                </td>
                <td className="py-2 pr-4">
                  <PostSourceLabel source={post.source} t={t} />
                </td>
                <td className="py-2 text-slate-600 dark:text-slate-400">{post.tags.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
