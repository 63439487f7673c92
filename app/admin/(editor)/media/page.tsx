import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { editPath } from "@/components/admin/paths";
import { linkClass } from "@/components/admin/styles";
import { requireActionPage } from "@/lib/auth/guards";
import { getAdminI18n } from "@/lib/i18n/server";
import { listMedia, mediaUsage } from "@/lib/media/store";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getAdminI18n();
  return { title: t("media.heading"), robots: { index: false, follow: false } };
}

const PER_PAGE = 24;

/** The uploaded images, newest first, with where each is used. Whoever may write posts may see them. */
export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const asked = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10);
  const editor = await requireActionPage(Number.isFinite(asked) && asked > 1 ? `/admin/media?page=${asked}` : "/admin/media", "post.create");
  const [{ t, locale }, page] = await Promise.all([getAdminI18n(), listMedia(Number.isFinite(asked) ? asked : 1, PER_PAGE)]);
  const usage = await mediaUsage(page.items.map((item) => item.name));
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const heading = "py-2 pr-4 font-medium";
  return (
    <AdminShell editor={editor} section="media">
      <h1 className="mb-4 text-2xl font-semibold text-slate-900 dark:text-white">{t("media.heading")}</h1>
      {page.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">{t("media.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("media.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
                <th scope="col" className={heading}>{t("media.preview")}</th>
                <th scope="col" className={heading}>{t("media.file")}</th>
                <th scope="col" className={heading}>{t("media.dimensions")}</th>
                <th scope="col" className={heading}>{t("media.uploadedBy")}</th>
                <th scope="col" className="py-2 font-medium">{t("media.usedIn")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => {
                const posts = usage?.get(item.name);
                return (
                  <tr key={item.name} data-media={item.name} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                    <td className="py-2 pr-4">
                      {/* eslint-disable-next-line @next/next/no-img-element -- our own immutable bytes, already sized; no optimiser in between */}
                      <img src={item.url} alt={item.originalName} width={96} height={Math.max(1, Math.round((96 * item.height) / item.width))} loading="lazy" className="h-auto max-h-24 w-24 rounded object-contain" />
                    </td>
                    <td className="py-2 pr-4">
                      <div className="font-medium">{item.originalName}</div>
                      <code className="text-xs text-slate-500 dark:text-slate-400">{`![](${item.url})`}</code>
                      <div className="text-xs text-slate-500 dark:text-slate-400">{(item.size / 1024).toFixed(0)} KB</div>
                    </td>
                    <td className="whitespace-nowrap py-2 pr-4">
                      {item.width} × {item.height}
                    </td>
                    <td className="py-2 pr-4">
                      <div>{item.uploadedBy}</div>
                      <time dateTime={item.createdAt} className="text-xs text-slate-500 dark:text-slate-400">
                        {time.format(new Date(item.createdAt))}
                      </time>
                    </td>
                    <td className="py-2">
                      {posts === undefined ? (
                        <span className="text-slate-500">{t("media.usageUnknown")}</span>
                      ) : posts.length === 0 ? (
                        <span className="text-slate-500">{t("media.unused")}</span>
                      ) : (
                        <ul>
                          {posts.map((post) => (
                            <li key={post.slug}>
                              <Link href={editPath(post.slug)} className={linkClass}>
                                {post.title}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page.pageCount > 1 ? (
        <nav aria-label={t("list.pagination")} className="mt-4 flex gap-4 text-sm">
          {page.page > 1 ? (
            <Link href={`/admin/media?page=${page.page - 1}`} className={linkClass} rel="prev">
              {t("list.previousPage")}
            </Link>
          ) : null}
          <span>{t("list.pageInfo", { page: page.page, pageCount: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link href={`/admin/media?page=${page.page + 1}`} className={linkClass} rel="next">
              {t("list.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </AdminShell>
  );
}
