import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { DeletedPostNotice } from "@/components/admin/deleted-post-notice";
import { noticeFrom } from "@/components/admin/editor-notice";
import { editPath } from "@/components/admin/paths";
import { PostForm } from "@/components/admin/post-form";
import { postFormValuesFrom } from "@/components/admin/post-form-values";
import { adminTerms, getEditablePost } from "@/lib/admin/queries";
import { siteTimeZone } from "@/lib/admin/schedule";
import { requireEditorPage, requirePermissionPage } from "@/lib/auth/guards";
import { getAdminI18n } from "@/lib/i18n/server";
import { decodePathSegment } from "@/lib/url";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getAdminI18n();
  return { title: t("meta.editPost"), robots: { index: false, follow: false } };
}

export default async function EditPostPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Chinese slugs arrive percent-encoded; a malformed escape names no post.
  const slug = decodePathSegment((await params).slug);
  if (slug === null) notFound();
  const editor = await requireEditorPage(editPath(slug));
  const [post, terms, { notice }] = await Promise.all([getEditablePost(slug), adminTerms(), searchParams]);
  if (!post) notFound();
  requirePermissionPage(editor, "post.view", post);

  return (
    <AdminShell editor={editor} section={null}>
      {post.status === "deleted" ? (
        <DeletedPostNotice slug={post.input.slug} title={post.input.title} />
      ) : (
        <PostForm
          // A different post (after a rename or restore) is a fresh form; a new version of the same post is not.
          key={post.input.slug}
          initial={postFormValuesFrom(post.input, siteTimeZone(process.env))}
          originalSlug={post.input.slug}
          versionToken={post.versionToken}
          status={post.status}
          source={post.source}
          terms={terms}
          notice={noticeFrom(notice)}
          timeZone={siteTimeZone(process.env)}
        />
      )}
    </AdminShell>
  );
}
