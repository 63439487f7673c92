import type { Metadata } from "next";
import Link from "next/link";
import { adminFiltersFrom } from "@/components/admin/admin-filters";
import { AdminShell } from "@/components/admin/admin-shell";
import { PostFiltersForm } from "@/components/admin/post-filters-form";
import { PostTable } from "@/components/admin/post-table";
import { primaryButtonClass } from "@/components/admin/styles";
import { adminTerms, listAdminPosts } from "@/lib/admin/queries";
import { requireEditorPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Posts", robots: { index: false, follow: false } };

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
  // An author sees only their own posts (lib/auth/permissions.ts): asked of the store, so pages stay full.
  const ownerId = editor.role === "author" ? editor.id : undefined;
  const [listed, terms] = await Promise.all([listAdminPosts({ ...filters, ownerId }), adminTerms()]);
  // An author sees only their own posts (lib/auth/permissions.ts).
  const posts = listed.filter((post) => can(editor, "post.view", post));

  return (
    <AdminShell editor={editor} section="posts">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">Posts</h1>
        {can(editor, "post.create") ? (
          <Link href="/admin/posts/new" className={primaryButtonClass}>
            New post
          </Link>
        ) : null}
      </div>
      <PostFiltersForm filters={filters} terms={terms} />
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {posts.length === 1 ? "1 post" : `${posts.length} posts`}
      </p>
      <PostTable posts={posts} />
    </AdminShell>
  );
}
