/**
 * The pieces every write is made of, inside one transaction: the post row, its terms, its search document and its
 * revision. Used by the database store (versioned writes) and by the local index of the Markdown files alike, so both
 * hold the same rows and answer the same queries.
 */
import type { DbTransaction, PostRowData } from "@/lib/db/client";
import { plainText } from "@/lib/search/plain-text";
import { indexText } from "@/lib/search/query";
import type { PostInput } from "@/lib/content/types";
import { derived, postColumns, termRowsOf } from "@/lib/store/sql/rows";
import type { SearchDialect } from "@/lib/store/sql/search-dialect";
import type { EditorRef, RevisionAction } from "@/lib/store/types";

export async function replaceTerms(tx: DbTransaction, postId: string, input: PostInput): Promise<void> {
  await tx.postTag.deleteMany({ where: { postId } });
  await tx.postCategory.deleteMany({ where: { postId } });
  if (input.tags.length > 0) await tx.postTag.createMany({ data: termRowsOf(input.tags).map((row) => ({ ...row, postId })) });
  if (input.categories.length > 0) {
    await tx.postCategory.createMany({ data: termRowsOf(input.categories).map((row) => ({ ...row, postId })) });
  }
}

export async function writeSearch(tx: DbTransaction, dialect: SearchDialect, postId: string, input: PostInput): Promise<void> {
  await dialect.writeDocument(tx, postId, searchDocument(input));
}

/** A rename leaves a permanent redirect; older redirects to the old slug now point at the new one (no chains). */
export async function recordRename(tx: DbTransaction, from: string, to: string): Promise<void> {
  await tx.slugRedirect.deleteMany({ where: { fromSlug: to } });
  await tx.slugRedirect.updateMany({ where: { toSlug: from }, data: { toSlug: to } });
  await tx.slugRedirect.upsert({ where: { fromSlug: from }, create: { fromSlug: from, toSlug: to }, update: { toSlug: to } });
}

/**
 * Revision policy, so history stays useful and bounded:
 * - saves by the same editor within COALESCE_MINUTES of the last one fold into it (an editing session, autosave
 *   bursts) when that one was a plain edit with the same published state and slug (a rename is always recorded);
 * - every other kind (create, publish, unpublish, delete, restore, revert, import, sync, conflict) and every
 *   published version is kept for ever;
 * - of the plain edits of unpublished versions, the newest KEEP_EDITS are kept.
 */
export const COALESCE_MINUTES = 10;
export const KEEP_EDITS = 50;

export interface RevisionWrite {
  postId: string;
  version: number;
  action: RevisionAction;
  snapshot: PostInput;
  editor: EditorRef;
  fileHash?: string | null;
  now?: Date;
}

function snapshotSlug(snapshot: string): string | null {
  try {
    const parsed: unknown = JSON.parse(snapshot);
    return typeof parsed === "object" && parsed !== null && "slug" in parsed && typeof parsed.slug === "string" ? parsed.slug : null;
  } catch {
    return null;
  }
}

export async function recordRevision(tx: DbTransaction, write: RevisionWrite): Promise<string> {
  const now = write.now ?? new Date();
  const published = !write.snapshot.draft;
  const snapshot = JSON.stringify(write.snapshot);
  if (write.action === "update") {
    const last = await tx.revision.findFirst({ where: { postId: write.postId }, orderBy: [{ createdAt: "desc" }, { version: "desc" }] });
    if (
      last &&
      last.action === "update" &&
      last.editorEmail === write.editor.email &&
      last.published === published &&
      now.getTime() - last.updatedAt.getTime() <= COALESCE_MINUTES * 60_000 &&
      snapshotSlug(last.snapshot) === write.snapshot.slug
    ) {
      await tx.revision.update({ where: { id: last.id }, data: { version: write.version, snapshot, updatedAt: now } });
      return last.id;
    }
  }
  const created = await tx.revision.create({
    data: {
      postId: write.postId,
      version: write.version,
      action: write.action,
      snapshot,
      published,
      editorEmail: write.editor.email,
      createdAt: now,
      updatedAt: now,
      fileHash: write.fileHash ?? null,
    },
    select: { id: true },
  });
  if (write.action === "update" && !published) await pruneEdits(tx, write.postId);
  return created.id;
}

async function pruneEdits(tx: DbTransaction, postId: string): Promise<void> {
  const old = await tx.revision.findMany({
    where: { postId, action: "update", published: false },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    skip: KEEP_EDITS,
    take: 100,
    select: { id: true },
  });
  if (old.length > 0) await tx.revision.deleteMany({ where: { id: { in: old.map((row) => row.id) } } });
}

export interface RowExtras {
  version: number;
  updatedBy?: string | null;
  deletedAt?: Date | null;
  filePath?: string | null;
  fileHash?: string | null;
  fileVersion?: number | null;
  fileMtimeMs?: number | null;
  fileSize?: number | null;
  /** When the post last changed, if not now (a file's `updated`). */
  updatedAt?: Date;
}

/**
 * The row's columns. The field list is data, so TypeScript cannot check its names against the generated client; the
 * one cast is here, and lib/store/sql/rows.test.ts checks that every field with a column is a column of Post.
 */
export function rowData(input: PostInput, extras: RowExtras): PostRowData {
  const data: Record<string, unknown> = { ...postColumns(input), version: extras.version };
  for (const key of ["updatedBy", "deletedAt", "filePath", "fileHash", "fileVersion", "fileMtimeMs", "fileSize", "updatedAt"] as const) {
    if (extras[key] !== undefined) data[key] = extras[key];
  }
  return data as PostRowData;
}

export interface NewPost {
  input: PostInput;
  extras: RowExtras;
  revision: { action: RevisionAction; editor: EditorRef; fileHash?: string | null } | null;
}

function searchDocument(input: PostInput) {
  return {
    title: indexText(input.title),
    tags: indexText(input.tags.join(" ")),
    categories: indexText(input.categories.join(" ")),
    description: indexText(derived(input).excerpt),
    body: indexText(plainText(input.body)),
  };
}

/**
 * Creates many new posts (slugs not yet taken) in a handful of statements — rows, terms, search documents and
 * revisions each as one multi-row insert — instead of a dozen round trips per post: what makes importing 10,000 posts
 * take seconds rather than minutes. Callers pass batches of at most a few hundred (the parameter lists stay small).
 */
export async function insertPosts(tx: DbTransaction, dialect: SearchDialect, posts: NewPost[]): Promise<Map<string, string>> {
  if (posts.length === 0) return new Map();
  const created = await tx.post.createManyAndReturn({ data: posts.map((p) => rowData(p.input, p.extras)), select: { id: true, slug: true } });
  const ids = new Map(created.map((row) => [row.slug, row.id]));
  const idOf = (input: PostInput) => {
    const id = ids.get(input.slug);
    if (!id) throw new Error(`post "${input.slug}" was not created`);
    return id;
  };
  const tags = posts.flatMap((p) => termRowsOf(p.input.tags).map((row) => ({ ...row, postId: idOf(p.input) })));
  const categories = posts.flatMap((p) => termRowsOf(p.input.categories).map((row) => ({ ...row, postId: idOf(p.input) })));
  if (tags.length > 0) await tx.postTag.createMany({ data: tags });
  if (categories.length > 0) await tx.postCategory.createMany({ data: categories });
  await dialect.insertDocuments(tx, posts.map((p) => ({ postId: idOf(p.input), doc: searchDocument(p.input) })));
  await tx.slugRedirect.deleteMany({ where: { fromSlug: { in: posts.map((p) => p.input.slug) } } });
  const now = new Date();
  const revisions = posts.flatMap((p) =>
    p.revision
      ? [
          {
            postId: idOf(p.input),
            version: p.extras.version,
            action: p.revision.action,
            snapshot: JSON.stringify(p.input),
            published: !p.input.draft,
            editorEmail: p.revision.editor.email,
            createdAt: now,
            updatedAt: now,
            fileHash: p.revision.fileHash ?? null,
          },
        ]
      : [],
  );
  if (revisions.length > 0) await tx.revision.createMany({ data: revisions });
  return ids;
}
