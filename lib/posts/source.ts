import "server-only";
import type { Post } from "@/lib/content/types";
import { activeStores, type ActiveStores } from "@/lib/store/active";
import { mergePosts, type MergedPost } from "@/lib/store/merge";
import { mergeAndSync } from "@/lib/store/sync";

export interface PostSnapshot {
  /** Every post that is not deleted, drafts included, newest first. */
  posts: Post[];
  /** Everything, deleted included, with where each version came from (for the admin). */
  merged: MergedPost[];
  status: ActiveStores["status"];
}

/**
 * Reads both backends and merges them; when the database is back after an outage, files saved in between are written
 * back to it first (lib/store/sync.ts), so nothing typed during the outage is lost.
 */
export async function loadPostSnapshot(): Promise<PostSnapshot> {
  const stores = await activeStores();
  const merged = stores.database ? await mergeAndSync(stores.database, stores.files) : mergePosts(await stores.files.listAll(), []);
  return { posts: merged.filter((m) => !m.deletedAt).map((m) => m.post), merged, status: stores.status };
}

export async function resolvePostRedirect(slug: string): Promise<string | null> {
  const stores = await activeStores();
  return (await stores.database?.resolveRedirect(slug)) ?? (await stores.files.resolveRedirect(slug));
}
