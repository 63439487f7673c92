import { z } from "zod";
import { postFormValuesSchema, type PostFormValues } from "./post-form-values";

/**
 * Unsaved editor text kept in the browser's localStorage, one entry per post, so a crash, a closed tab or an expired
 * session loses nothing. The stored text is read back through zod: it may come from an older version of this code or
 * have been edited by hand.
 */
const backupSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  /** The version the editor started from: restoring onto a newer version may overwrite someone else's change. */
  baseVersionToken: z.string().nullable(),
  values: postFormValuesSchema,
});

export type PostBackup = z.infer<typeof backupSchema>;

type ReadableStorage = Pick<Storage, "getItem">;
type WritableStorage = Pick<Storage, "setItem" | "removeItem">;

/** Slugs cannot contain ":", so a post's key never collides with the new-post key. */
export function backupKey(slug: string | null): string {
  return slug === null ? "digest:editor-backup:new-post" : `digest:editor-backup:post:${slug}`;
}

export function readBackup(storage: ReadableStorage, slug: string | null): PostBackup | null {
  let raw: string | null;
  try {
    raw = storage.getItem(backupKey(slug));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = backupSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): a backup is a convenience and never blocks editing. */
export function writeBackup(
  storage: WritableStorage,
  slug: string | null,
  backup: { values: PostFormValues; baseVersionToken: string | null; savedAt?: Date },
): boolean {
  const entry: PostBackup = {
    version: 1,
    savedAt: (backup.savedAt ?? new Date()).toISOString(),
    baseVersionToken: backup.baseVersionToken,
    values: backup.values,
  };
  try {
    storage.setItem(backupKey(slug), JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

export function clearBackup(storage: WritableStorage, slug: string | null): void {
  try {
    storage.removeItem(backupKey(slug));
  } catch {
    // Nothing to do: a backup that cannot be removed is offered again and can be discarded then.
  }
}
