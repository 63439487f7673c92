import "server-only";
import type { AdminPostPage, AdminPostRow, EditablePost, PostSourceKind, PostStatus, RevisionDetail, RevisionRow, StoreStatus } from "@/lib/admin/types";
import { inputFromPost } from "@/lib/content/post-input";
import { activeStore } from "@/lib/store/active";
import type { AdminListQuery, StoredPost } from "@/lib/store/types";

/** Admin reads are never cached: an editor must see what is stored now. Each is one indexed query. */

function statusOf(stored: StoredPost, now = new Date()): PostStatus {
  if (stored.deletedAt) return "deleted";
  if (stored.post.draft) return "draft";
  return stored.post.publishAt && Date.parse(stored.post.publishAt) > now.getTime() ? "scheduled" : "published";
}

function sourceOf(stored: StoredPost): PostSourceKind {
  return stored.post.origin.kind === "database" ? "database" : "file";
}

export async function listAdminPage(filters: AdminListQuery = {}): Promise<AdminPostPage> {
  const { store } = await activeStore();
  const page = await store.listAdmin(filters);
  const source: PostSourceKind = store.kind === "database" ? "database" : "file";
  return { ...page, rows: page.rows.map((row): AdminPostRow => ({ ...row, source })) };
}

export async function getEditablePost(slug: string): Promise<EditablePost | null> {
  const { store } = await activeStore();
  const stored = await store.getStored(slug);
  if (!stored) return null;
  return {
    input: inputFromPost(stored.post),
    versionToken: stored.versionToken,
    status: statusOf(stored),
    source: sourceOf(stored),
    updatedAt: stored.post.updatedAt,
    ownerId: stored.ownerId,
  };
}

export async function listPostRevisions(slug: string): Promise<RevisionRow[]> {
  const { store } = await activeStore();
  return (await store.listRevisions(slug)).map(({ slug: _slug, ...row }) => row);
}

export async function getPostRevision(id: string): Promise<RevisionDetail | null> {
  const { store } = await activeStore();
  const revision = await store.getRevision(id);
  if (!revision) return null;
  const { slug: _slug, ...detail } = revision;
  return detail;
}

export async function getStoreStatus(): Promise<StoreStatus> {
  return (await activeStore()).status;
}

/** Tag and category names for the editor's suggestions (the most used first, at most a few hundred). */
export async function adminTerms(): Promise<{ tags: string[]; categories: string[] }> {
  const { store } = await activeStore();
  return store.termNames();
}
