import "server-only";
import type { Post } from "@/lib/content/types";
import { activeStores, type ActiveStores } from "@/lib/store/active";
import { mergePosts, type MergedPost } from "@/lib/store/merge";
import { inputFromPost } from "@/lib/store/post-input";
import type { EditorRef, PostStore } from "@/lib/store/types";

export interface PostSnapshot {
  /** Every post that is not deleted, drafts included, newest first. */
  posts: Post[];
  /** Everything, deleted included, with where each version came from (for the admin). */
  merged: MergedPost[];
  status: ActiveStores["status"];
}

/** Changes made to the files while the database was away are written back under this name. */
const SYNC_EDITOR: EditorRef = { id: "sync", email: "sync@digest" };

/**
 * Reads both backends and merges them (lib/store/merge.ts). When the database is back after an outage, files saved
 * in between are written back to it first, so nothing typed during the outage is lost.
 */
export async function loadPostSnapshot(): Promise<PostSnapshot> {
  const stores = await activeStores();
  const files = await stores.files.listAll();
  if (!stores.database) {
    const merged = mergePosts(files, []);
    return { posts: merged.filter((m) => !m.deletedAt).map((m) => m.post), merged, status: stores.status };
  }
  const database = stores.database;
  let rows = await database.listAll();
  let merged = mergePosts(files, rows);
  if (merged.some((m) => m.needsSync)) {
    await syncBack(database, merged, rows);
    rows = await database.listAll();
    merged = mergePosts(files, rows);
  }
  // A file post renamed in the database lives on under its new slug; its old file must not reappear beside it.
  const visible: MergedPost[] = [];
  for (const entry of merged) {
    if (entry.source === "file" && (await database.resolveRedirect(entry.post.slug))) continue;
    visible.push(entry);
  }
  return { posts: visible.filter((m) => !m.deletedAt).map((m) => m.post), merged: visible, status: stores.status };
}

async function syncBack(database: PostStore, merged: MergedPost[], rows: Awaited<ReturnType<PostStore["listAll"]>>): Promise<void> {
  for (const entry of merged.filter((m) => m.needsSync)) {
    const row = rows.find((r) => r.post.slug === entry.post.slug);
    if (!row) continue;
    try {
      if (entry.deletedAt && !row.deletedAt) {
        await database.remove(row.post.slug, row.versionToken, SYNC_EDITOR);
      } else if (!entry.deletedAt) {
        if (row.deletedAt) await database.restore(row.post.slug, SYNC_EDITOR);
        const fresh = await database.get(row.post.slug);
        if (fresh) await database.update(row.post.slug, inputFromPost(entry.post), fresh.versionToken, SYNC_EDITOR);
      }
      console.info(`[store] synced "${entry.post.slug}" from its Markdown file back to the database`);
    } catch (error) {
      // Left flagged: the file keeps winning the merge until a later sync succeeds.
      console.error(`[store] could not sync "${entry.post.slug}" back to the database`, error);
    }
  }
}

export async function resolvePostRedirect(slug: string): Promise<string | null> {
  const stores = await activeStores();
  return (await stores.database?.resolveRedirect(slug)) ?? (await stores.files.resolveRedirect(slug));
}
