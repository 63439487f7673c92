import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { lineDiff } from "@/components/admin/line-diff";
import { LineDiffView } from "@/components/admin/line-diff-view";
import { editPath, revisionsPath } from "@/components/admin/paths";
import { postSnapshotText } from "@/components/admin/post-snapshot-text";
import { RestoreRevisionButton } from "@/components/admin/restore-revision-button";
import { formatRevisionTime, RevisionList } from "@/components/admin/revision-list";
import { slugFromParam } from "@/components/admin/route-slug";
import { linkClass } from "@/components/admin/styles";
import { getEditablePost, getPostRevision, listPostRevisions } from "@/lib/admin/queries";
import { requireEditorPage, requirePermissionPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Revisions", robots: { index: false, follow: false } };

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
  const slug = slugFromParam((await params).slug);
  const query = await searchParams;
  const selectedId = first(query.revision);
  const editor = await requireEditorPage(revisionsPath(slug, selectedId ?? undefined));
  const [post, revisions] = await Promise.all([getEditablePost(slug), listPostRevisions(slug)]);
  if (!post) notFound();
  requirePermissionPage(editor, "post.view", post);

  // Only a revision of this post is shown: an id from another post's history is treated as unknown.
  const selected = selectedId && revisions.some((row) => row.id === selectedId) ? await getPostRevision(selectedId) : null;
  const restored = Number(first(query.restored));

  return (
    <AdminShell editor={editor} section={null}>
      <div className="mb-4 flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">Revisions</h1>
        <Link href={editPath(post.input.slug)} className={linkClass}>
          {post.input.title}
        </Link>
      </div>
      {Number.isInteger(restored) && restored > 0 ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Restored version {restored}. It is now the current version.
        </p>
      ) : null}
      <RevisionList slug={post.input.slug} revisions={revisions} selectedId={selected?.id ?? null} />

      {selectedId && !selected ? (
        <p role="alert" className="mt-6 text-sm text-red-800 dark:text-red-200">
          That revision does not belong to this post.
        </p>
      ) : null}

      {selected ? (
        <section aria-labelledby="revision-heading" className="mt-8 space-y-4">
          <h2 id="revision-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            Version {selected.version}: {selected.action}
            <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
              {selected.editor ?? "unknown editor"}, <time dateTime={selected.createdAt}>{formatRevisionTime(selected.createdAt)}</time>
            </span>
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Lines marked − are only in version {selected.version}; lines marked + are only in the current version.
          </p>
          <LineDiffView
            diff={lineDiff(postSnapshotText(selected.snapshot), postSnapshotText(post.input))}
            caption={`From version ${selected.version} to the current version`}
            oldLabel={`version ${selected.version}`}
            newLabel="the current version"
          />
          {post.status === "deleted" ? (
            <p className="text-sm">This post is deleted: restore the post from its edit page first.</p>
          ) : (
            <RestoreRevisionButton
              slug={post.input.slug}
              revisionId={selected.id}
              version={selected.version}
              versionToken={post.versionToken}
            />
          )}
        </section>
      ) : null}
    </AdminShell>
  );
}
