import { changedAt, mergePosts, type MergedPost } from "@/lib/store/merge";
import { inputFromPost } from "@/lib/store/post-input";
import type { EditorRef, PostStore, StoredPost } from "@/lib/store/types";

/** Changes made to the files while the database was away are written back under this name. */
export const SYNC_EDITOR: EditorRef = { id: "sync", email: "sync@digest" };

/** A file newer than the database row at `slug` (its own slug, or the one the post was renamed to in the database). */
interface PendingSync {
  file: StoredPost;
  slug: string;
}

/**
 * Reads both backends and merges them (lib/store/merge.ts). Files saved while the database was away (newer than their
 * row) are written back to it first, so nothing typed during the outage is lost. A file post renamed in the database
 * lives on under its new slug: its old file is left out of the list, and an outage edit made to that file goes to the
 * renamed row. Returns everything, deleted included, newest first.
 */
export async function mergeAndSync(database: PostStore, files: PostStore): Promise<MergedPost[]> {
  const filePosts = await files.listAll();
  let rows = await database.listAll();
  const rowSlugs = new Set(rows.map((row) => row.post.slug));
  const kept: StoredPost[] = [];
  const renamed: PendingSync[] = [];
  for (const file of filePosts) {
    const target = rowSlugs.has(file.post.slug) ? null : await database.resolveRedirect(file.post.slug);
    if (target) renamed.push({ file, slug: target });
    else kept.push(file);
  }

  let merged = mergePosts(kept, rows);
  const pending: PendingSync[] = merged.filter((m) => m.needsSync).map((m) => ({ file: m, slug: m.post.slug }));
  for (const entry of renamed) {
    const row = rows.find((r) => r.post.slug === entry.slug);
    if (row && changedAt(entry.file) > changedAt(row)) pending.push(entry);
  }
  if (pending.length > 0) {
    await syncBack(database, pending, rows);
    rows = await database.listAll();
    merged = mergePosts(kept, rows);
  }
  return merged;
}

async function syncBack(database: PostStore, pending: PendingSync[], rows: StoredPost[]): Promise<void> {
  for (const { file, slug } of pending) {
    const row = rows.find((r) => r.post.slug === slug);
    if (!row) continue;
    try {
      if (file.deletedAt && !row.deletedAt) {
        await database.remove(slug, row.versionToken, SYNC_EDITOR);
      } else if (!file.deletedAt) {
        if (row.deletedAt) await database.restore(slug, SYNC_EDITOR);
        const fresh = await database.get(slug);
        if (fresh) await database.update(slug, { ...inputFromPost(file.post), slug }, fresh.versionToken, SYNC_EDITOR);
      }
      console.info(`[store] synced "${slug}" from its Markdown file back to the database`);
    } catch (error) {
      // Left as it is: the file keeps winning the merge (or waiting) until a later sync succeeds.
      console.error(`[store] could not sync "${slug}" back to the database`, error);
    }
  }
}
