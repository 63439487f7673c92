import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { PostForm } from "@/components/admin/post-form";
import { emptyPostFormValues } from "@/components/admin/post-form-values";
import { adminTerms } from "@/lib/admin/queries";
import { siteTimeZone } from "@/lib/admin/schedule";
import { requireEditorPage, requirePermissionPage } from "@/lib/auth/guards";
import { isoDay } from "@/lib/format";
import { getAdminI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getAdminI18n();
  return { title: t("meta.newPost"), robots: { index: false, follow: false } };
}

export default async function NewPostPage() {
  const editor = await requireEditorPage("/admin/posts/new");
  requirePermissionPage(editor, "post.create");
  const terms = await adminTerms();
  // Today in the digest's own time zone: a post written on a Monday morning in Beijing is Monday's post.
  const today = isoDay(new Date().toISOString());

  return (
    <AdminShell editor={editor} section="new-post">
      <PostForm
        initial={emptyPostFormValues(today)}
        originalSlug={null}
        versionToken={null}
        status={null}
        source={null}
        terms={terms}
        notice={null}
        timeZone={siteTimeZone(process.env)}
      />
    </AdminShell>
  );
}
