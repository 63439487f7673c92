import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import type { PostInput } from "@/lib/content/types";
import { isConnectionError } from "@/lib/db/errors";
import { ConflictError, StoreUnavailableError } from "@/lib/errors";
import { cacheTags } from "@/lib/posts/cache-tags";
import { activeStore, forgetDatabaseProbe } from "@/lib/store/active";
import type { EditorRef, PostStore, RestoreRevisionOptions, StoredPost } from "@/lib/store/types";

/**
 * Every write editors make goes through here: the store that takes writes now, then the cache tags of exactly what
 * changed — the post's page (old and new slug), the pages of its neighbours before and after, the lists, its tags'
 * and categories' pages and feeds (before and after), the feeds and the sitemap — so the next request anywhere
 * renders them from the store.
 */

interface Footprint {
  slugs: string[];
  tags: string[];
  categories: string[];
}

async function footprint(store: PostStore, slug: string | null): Promise<Footprint> {
  const empty: Footprint = { slugs: [], tags: [], categories: [] };
  if (slug === null) return empty;
  const stored = await store.getStored(slug).catch(() => null);
  if (!stored) return empty;
  const { post } = stored;
  const neighbours = await store.neighbours(post).catch(() => ({ previous: null, next: null }));
  return {
    slugs: [post.slug, ...[neighbours.previous, neighbours.next].flatMap((n) => (n ? [n.slug] : []))],
    tags: post.tags,
    categories: post.categories,
  };
}

/**
 * Inside a server action the tags expire at once for the next request (read-your-writes, `updateTag`); anywhere else
 * (a route handler) the same with `revalidateTag(tag, { expire: 0 })`.
 */
export function expireTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) {
    try {
      updateTag(tag);
    } catch {
      revalidateTag(tag, { expire: 0 });
    }
  }
}

function tagsOf(...prints: Footprint[]): string[] {
  const tags: string[] = [cacheTags.list, cacheTags.terms, cacheTags.feed, cacheTags.sitemap];
  for (const print of prints) {
    tags.push(...print.slugs.map(cacheTags.post));
    tags.push(...print.tags.map((name) => cacheTags.term("tags", name)));
    tags.push(...print.categories.map((name) => cacheTags.term("categories", name)));
  }
  return tags;
}

/** Runs a write against the store that takes writes now; a database that dies mid-write is reported, never hidden. */
async function write(slugBefore: string | null, work: (store: PostStore) => Promise<StoredPost>): Promise<StoredPost> {
  const { store, status } = await activeStore();
  const before = await footprint(store, slugBefore);
  let result: StoredPost;
  try {
    result = await work(store);
  } catch (error) {
    if (!(ConflictError.is(error)) && status.kind === "database" && isConnectionError(error)) {
      forgetDatabaseProbe();
      throw new StoreUnavailableError("The database stopped answering during the save. Nothing was saved; try again.", { cause: error });
    }
    throw error;
  }
  const after = await footprint(store, result.post.slug);
  expireTags(tagsOf(before, after));
  return result;
}

export function createPost(input: PostInput, editor: EditorRef): Promise<StoredPost> {
  return write(null, (store) => store.create(input, editor));
}

export function updatePost(slug: string, input: PostInput, expectedVersion: string, editor: EditorRef): Promise<StoredPost> {
  return write(slug, (store) => store.update(slug, input, expectedVersion, editor));
}

export function setPostDraft(slug: string, draft: boolean, expectedVersion: string, editor: EditorRef): Promise<StoredPost> {
  return write(slug, (store) => store.setDraft(slug, draft, expectedVersion, editor));
}

export function deletePost(slug: string, expectedVersion: string, editor: EditorRef): Promise<StoredPost> {
  return write(slug, (store) => store.remove(slug, expectedVersion, editor));
}

export function restorePost(slug: string, editor: EditorRef): Promise<StoredPost> {
  return write(slug, (store) => store.restore(slug, editor));
}

export function restorePostRevision(
  slug: string,
  revisionId: string,
  expectedVersion: string,
  editor: EditorRef,
  options: RestoreRevisionOptions = {},
): Promise<StoredPost> {
  return write(slug, (store) => store.restoreRevision(slug, revisionId, expectedVersion, editor, options));
}

export async function resolvePostConflict(slug: string, revisionId: string, editor: EditorRef): Promise<void> {
  const { store } = await activeStore();
  await store.resolveConflict(slug, revisionId, editor);
}
