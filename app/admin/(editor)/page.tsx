import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_PAGE_SIZE, adminFiltersFrom } from "@/components/admin/admin-filters";
import { AdminShell } from "@/components/admin/admin-shell";
import { AdminPagination } from "@/components/admin/pagination";
import { PostFiltersForm } from "@/components/admin/post-filters-form";
import { PostTable } from "@/components/admin/post-table";
import { primaryButtonClass } from "@/components/admin/styles";
import { BULK_OPERATIONS, bulkPermission } from "@/lib/admin/bulk";
import { adminTerms, listAdminPage } from "@/lib/admin/queries";
import { siteTimeZone } from "@/lib/admin/schedule";
import { requireEditorPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getAdminI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getAdminI18n();
  return { title: t("meta.posts"), robots: { index: false, follow: false } };
}

export default async function AdminPostsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  ).toString();
  const editor = await requireEditorPage(query ? `/admin?${query}` : "/admin");
  const filters = adminFiltersFrom(params);
  // An author sees only their own posts (lib/auth/permissions.ts): asked of the store, so pages stay full, and
  // checked again on each row.
  const ownerId = editor.role === "author" ? editor.id : undefined;
  const [listed, terms, { t }] = await Promise.all([
    listAdminPage({ ...filters, ownerId, perPage: ADMIN_PAGE_SIZE }),
    adminTerms(),
    getAdminI18n(),
  ]);
  const posts = listed.rows.filter((post) => can(editor, "post.view", post));
  const bulkOperations = BULK_OPERATIONS.filter((operation) => can(editor, bulkPermission[operation]));

  return (
    <AdminShell editor={editor} section="posts">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">{t("list.heading")}</h1>
        {can(editor, "post.create") ? (
          <Link href="/admin/posts/new" className={primaryButtonClass}>
            {t("list.newPost")}
          </Link>
        ) : null}
      </div>
      <PostFiltersForm filters={filters} terms={terms} t={t} />
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {t("list.count", { count: listed.total })}
        {listed.pageCount > 1 ? ` · ${t("list.pageInfo", { page: listed.page, pageCount: listed.pageCount })}` : null}
      </p>
      <PostTable posts={posts} filters={{ ...filters, page: listed.page }} bulkOperations={bulkOperations} timeZone={siteTimeZone(process.env)} />
      <AdminPagination filters={filters} page={listed.page} pageCount={listed.pageCount} t={t} />
    </AdminShell>
  );
}
