import Link from "next/link";
import type { AdminPostRow } from "@/lib/admin/types";
import type { AdminTranslator } from "@/lib/i18n/catalogue";
import { formatScheduleTime } from "@/lib/admin/schedule";
import { formatDate } from "@/lib/format";
import { editPath } from "./paths";
import { PostSourceLabel, PostStatusBadge } from "./post-status-badge";
import { linkClass } from "./styles";

/** `schedule`: the site's zone and the editor's language, for when a scheduled post goes live. */
export function PostTable({ posts, t, schedule }: { posts: AdminPostRow[]; t: AdminTranslator; schedule: { timeZone: string; locale: string } }) {
  if (posts.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">{t("list.empty")}</p>;
  }
  const heading = "py-2 pr-4 font-medium";
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <th scope="col" className={heading}>
              {t("list.title")}
            </th>
            <th scope="col" className={heading}>
              {t("list.status")}
            </th>
            <th scope="col" className={heading}>
              {t("list.source")}
            </th>
            <th scope="col" className={heading}>
              {t("list.date")}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t("list.tags")}
            </th>
          </tr>
        </thead>
        <tbody>
          {posts.map((post) => (
            <tr key={post.slug} className="border-b border-slate-100 align-top dark:border-slate-800/60">
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
                    <time dateTime={post.publishAt}>{t("list.scheduledAt", { time: formatScheduleTime(post.publishAt, schedule.timeZone, schedule.locale) })}</time>
                  </div>
                ) : null}
              </td>
              <td className="py-2 pr-4">
                <PostSourceLabel source={post.source} t={t} />
              </td>
              <td className="whitespace-nowrap py-2 pr-4">
                <time dateTime={post.date}>{formatDate(post.date)}</time>
              </td>
              <td className="py-2 text-slate-600 dark:text-slate-400">{post.tags.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
