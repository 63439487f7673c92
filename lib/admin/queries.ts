import "server-only";
import { termKey } from "@/lib/content/query";
import type { AdminPostFilters, AdminPostRow, EditablePost, PostStatus, RevisionDetail, RevisionRow, StoreStatus } from "@/lib/admin/types";
import { loadPostSnapshot } from "@/lib/posts/source";
import { activeStores } from "@/lib/store/active";
import type { MergedPost } from "@/lib/store/merge";
import { inputFromPost } from "@/lib/store/post-input";

/** Admin reads are never cached: an editor must see what is stored now. */

function statusOf(entry: MergedPost): PostStatus {
  if (entry.deletedAt) return "deleted";
  return entry.post.draft ? "draft" : "published";
}

function matchesText(entry: MergedPost, q: string): boolean {
  const needle = q.toLocaleLowerCase("zh-CN");
  const post = entry.post;
  return [post.title, post.slug, post.description, post.body, ...post.tags, ...post.categories].some((field) =>
    field.toLocaleLowerCase("zh-CN").includes(needle),
  );
}

export async function listAdminPosts(filters: AdminPostFilters = {}): Promise<AdminPostRow[]> {
  const { merged } = await loadPostSnapshot();
  const tag = filters.tag ? termKey(filters.tag) : null;
  const category = filters.category ? termKey(filters.category) : null;
  const q = filters.q?.trim() ?? "";
  return merged
    .filter((entry) => !filters.status || filters.status === "all" || statusOf(entry) === filters.status)
    .filter((entry) => !tag || entry.post.tags.some((t) => termKey(t) === tag))
    .filter((entry) => !category || entry.post.categories.some((c) => termKey(c) === category))
    .filter((entry) => q === "" || matchesText(entry, q))
    .map((entry) => ({
      slug: entry.post.slug,
      title: entry.post.title,
      date: entry.post.date,
      tags: entry.post.tags,
      categories: entry.post.categories,
      status: statusOf(entry),
      source: entry.source,
      updatedAt: entry.post.updatedAt,
      ownerId: entry.ownerId,
    }));
}

export async function getEditablePost(slug: string): Promise<EditablePost | null> {
  const { merged } = await loadPostSnapshot();
  const entry = merged.find((m) => m.post.slug === slug);
  if (!entry) return null;
  return {
    input: inputFromPost(entry.post),
    versionToken: entry.versionToken,
    status: statusOf(entry),
    source: entry.source,
    updatedAt: entry.post.updatedAt,
    ownerId: entry.ownerId,
  };
}

export async function listPostRevisions(slug: string): Promise<RevisionRow[]> {
  const stores = await activeStores();
  const revisions = await (stores.database ?? stores.files).listRevisions(slug);
  return revisions.map(({ id, version, action, editor, createdAt }) => ({ id, version, action, editor, createdAt }));
}

export async function getPostRevision(id: string): Promise<RevisionDetail | null> {
  const stores = await activeStores();
  const revision = await (stores.database ?? stores.files).getRevision(id);
  if (!revision) return null;
  const { id: revisionId, version, action, editor, createdAt, snapshot } = revision;
  return { id: revisionId, version, action, editor, createdAt, snapshot };
}

export async function getStoreStatus(): Promise<StoreStatus> {
  return (await activeStores()).status;
}

export async function adminTerms(): Promise<{ tags: string[]; categories: string[] }> {
  const { merged } = await loadPostSnapshot();
  const tags = new Map<string, string>();
  const categories = new Map<string, string>();
  for (const { post } of merged) {
    for (const t of post.tags) if (!tags.has(termKey(t))) tags.set(termKey(t), t);
    for (const c of post.categories) if (!categories.has(termKey(c))) categories.set(termKey(c), c);
  }
  return { tags: [...tags.values()].sort(), categories: [...categories.values()].sort() };
}
