import type { Metadata } from "next";
import Link from "next/link";
import { adminFiltersFrom } from "@/components/admin/admin-filters";
import { AdminShell } from "@/components/admin/admin-shell";
import { PostFiltersForm } from "@/components/admin/post-filters-form";
import { PostTable } from "@/components/admin/post-table";
import { primaryButtonClass } from "@/components/admin/styles";
import { adminTerms, listAdminPosts } from "@/lib/admin/queries";
import { requireEditorPage } from "@/lib/auth/guards";
import { siteTimeZone } from "@/lib/admin/schedule";
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
  const [listed, terms, { t, locale }] = await Promise.all([listAdminPosts({ ...filters, ownerId }), adminTerms(), getAdminI18n()]);
  const posts = listed.filter((post) => can(editor, "post.view", post));

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
        {t("list.count", { count: posts.length })}
      </p>
      <PostTable posts={posts} t={t} schedule={{ timeZone: siteTimeZone(process.env), locale }} />
    </AdminShell>
  );
}
