import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { lineDiff } from "@/components/admin/line-diff";
import { LineDiffView } from "@/components/admin/line-diff-view";
import { editPath, revisionsPath } from "@/components/admin/paths";
import { postSnapshotText } from "@/components/admin/post-snapshot-text";
import { RestoreRevisionButton } from "@/components/admin/restore-revision-button";
import { revisionActionLabel, revisionTimeFormat } from "@/components/admin/revision-labels";
import { RevisionList } from "@/components/admin/revision-list";
import { linkClass } from "@/components/admin/styles";
import { getEditablePost, getPostRevision, listPostRevisions } from "@/lib/admin/queries";
import { requireEditorPage, requirePermissionPage } from "@/lib/auth/guards";
import { siteTimeZone } from "@/lib/admin/schedule";
import { getAdminI18n } from "@/lib/i18n/server";
import { decodePathSegment } from "@/lib/url";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getAdminI18n();
  return { title: t("meta.revisions"), robots: { index: false, follow: false } };
}

function first(value: string | string[] | undefined): string | null {
  const single = Array.isArray(value) ? value[0] : value;
  return single && single.length <= 200 ? single : null;
}

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const timeZone = siteTimeZone(process.env);
  // Chinese slugs arrive percent-encoded; a malformed escape names no post.
  const slug = decodePathSegment((await params).slug);
  if (slug === null) notFound();
  const query = await searchParams;
  const selectedId = first(query.revision);
  const editor = await requireEditorPage(revisionsPath(slug, selectedId ?? undefined));
  const [post, revisions, { t }] = await Promise.all([getEditablePost(slug), listPostRevisions(slug), getAdminI18n()]);
  if (!post) notFound();
  requirePermissionPage(editor, "post.view", post);

  // Only a revision of this post is shown: an id from another post's history is treated as unknown.
  const selected = selectedId && revisions.some((row) => row.id === selectedId) ? await getPostRevision(selectedId) : null;
  const restored = Number(first(query.restored));
  const time = revisionTimeFormat(t.locale);

  return (
    <AdminShell editor={editor} section={null}>
      <div className="mb-4 flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">{t("revisions.heading")}</h1>
        <Link href={editPath(post.input.slug)} className={linkClass}>
          {post.input.title}
        </Link>
      </div>
      {Number.isInteger(restored) && restored > 0 ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {t("revisions.restoredNotice", { version: restored })}
        </p>
      ) : null}
      <RevisionList t={t} slug={post.input.slug} revisions={revisions} selectedId={selected?.id ?? null} />

      {selectedId && !selected ? (
        <p role="alert" className="mt-6 text-sm text-red-800 dark:text-red-200">
          {t("revisions.notThisPost")}
        </p>
      ) : null}

      {selected ? (
        <section aria-labelledby="revision-heading" className="mt-8 space-y-4">
          <h2 id="revision-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            {t("revisions.versionHeading", { version: selected.version, action: revisionActionLabel(selected.action, t) })}
            <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
              {selected.editor ?? t("revisions.unknownEditor")}, <time dateTime={selected.createdAt}>{time.format(new Date(selected.createdAt))}</time>
            </span>
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="revision-status">
            {t("revisions.snapshotStatus", { status: t(selected.snapshot.draft ? "status.draft" : "status.published") })}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("revisions.explain", { version: selected.version })}</p>
          <LineDiffView
            t={t}
            diff={lineDiff(postSnapshotText(selected.snapshot, timeZone), postSnapshotText(post.input, timeZone))}
            caption={t("revisions.diffCaption", { version: selected.version })}
            oldLabel={t("revisions.versionLabel", { version: selected.version })}
            newLabel={t("revisions.currentLabel")}
          />
          {post.status === "deleted" ? (
            <p className="text-sm">{t("revisions.deletedPost")}</p>
          ) : (
            <RestoreRevisionButton
              slug={post.input.slug}
              revisionId={selected.id}
              version={selected.version}
              versionToken={post.versionToken}
              revisionDraft={selected.snapshot.draft}
              postDraft={post.status === "draft"}
            />
          )}
        </section>
      ) : null}
    </AdminShell>
  );
}
