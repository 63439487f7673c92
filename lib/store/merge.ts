import type { StoredPost } from "@/lib/store/types";

export interface MergedPost extends StoredPost {
  /** Which backend this version came from. */
  source: "database" | "file";
  /** A file saved while the database was away is newer than its row: it must be written back to the database. */
  needsSync: boolean;
}

function time(iso: string | null): number {
  return iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY;
}

/** When a stored post last changed: its deletion, else its last save (a file without `updated` is oldest of all). */
export function changedAt(entry: StoredPost): number {
  return time(entry.deletedAt ?? entry.post.updatedAt);
}

/**
 * The merge rule between the Markdown baseline and the database: a row overrides the file with the same slug, and a
 * row's tombstone hides that file — unless the file changed after the row did (a save that went to the file during a
 * database outage), in which case the file wins and is flagged for syncing back.
 */
export function mergePosts(files: StoredPost[], rows: StoredPost[]): MergedPost[] {
  const bySlug = new Map<string, MergedPost>();
  for (const file of files) bySlug.set(file.post.slug, { ...file, source: "file", needsSync: false });
  for (const row of rows) {
    const file = bySlug.get(row.post.slug);
    if (file && changedAt(file) > changedAt(row)) {
      bySlug.set(row.post.slug, { ...file, needsSync: true });
    } else {
      bySlug.set(row.post.slug, { ...row, source: "database", needsSync: false });
    }
  }
  return [...bySlug.values()].sort((a, b) => b.post.date.localeCompare(a.post.date) || a.post.slug.localeCompare(b.post.slug));
}
