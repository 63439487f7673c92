"use client";

import type { PostBackup } from "./draft-backup";
import { primaryButtonClass, secondaryButtonClass } from "./styles";

const timeFormat = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short" });

/** Offers text this browser kept from an earlier visit that was never saved. */
export function BackupOffer({
  backup,
  stale,
  onRestore,
  onDiscard,
}: {
  backup: PostBackup;
  /** The post was saved since the backup was taken: saving the restored text will ask before overwriting. */
  stale: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <section
      aria-labelledby="backup-heading"
      className="mb-4 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-50"
    >
      <h2 id="backup-heading" className="font-semibold">
        Unsaved text found
      </h2>
      <p className="mt-1">
        This browser kept changes to this post from <time dateTime={backup.savedAt}>{timeFormat.format(new Date(backup.savedAt))}</time>{" "}
        that were never saved.
        {stale ? " The post has been saved since then; if you bring the text back, saving will show you the differences first." : ""}
      </p>
      <div className="mt-3 flex gap-2">
        <button type="button" className={primaryButtonClass} onClick={onRestore}>
          Bring back unsaved text
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onDiscard}>
          Discard it
        </button>
      </div>
    </section>
  );
}
