"use client";

import type { PostBackup } from "./draft-backup";
import { useAdminI18n } from "./i18n";
import { primaryButtonClass, secondaryButtonClass } from "./styles";

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
  const { t, locale } = useAdminI18n();
  // The editor's own clock: this is when they typed, in this browser.
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(backup.savedAt));
  return (
    <section
      aria-labelledby="backup-heading"
      className="mb-4 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-50"
    >
      <h2 id="backup-heading" className="font-semibold">
        {t("backup.heading")}
      </h2>
      <p className="mt-1">
        {t("backup.found", { time })}
        {stale ? ` ${t("backup.stale")}` : ""}
      </p>
      <div className="mt-3 flex gap-2">
        <button type="button" className={primaryButtonClass} onClick={onRestore}>
          {t("backup.restore")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onDiscard}>
          {t("backup.discard")}
        </button>
      </div>
    </section>
  );
}
