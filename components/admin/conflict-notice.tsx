"use client";

import type { EditablePost } from "@/lib/admin/types";
import { useT } from "./i18n";
import { lineDiff } from "./line-diff";
import { LineDiffView } from "./line-diff-view";
import type { PostFormValues } from "./post-form-values";
import { formValuesText, postSnapshotText } from "./post-snapshot-text";
import { revisionsPath } from "./paths";
import { dangerButtonClass, linkClass, secondaryButtonClass } from "./styles";

/**
 * A refused save because someone else saved first. Nothing is overwritten silently: the editor sees what differs
 * between the stored version and their text, and chooses to overwrite or to dismiss (keeping their text either way).
 */
export function ConflictNotice({
  current,
  mine,
  pending,
  onOverwrite,
  onTakeTheirs,
  onDismiss,
  timeZone,
}: {
  timeZone: string;
  current: EditablePost | null;
  mine: PostFormValues;
  pending: boolean;
  onOverwrite: () => void;
  onTakeTheirs: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <h2 id="conflict-heading" className="font-semibold">
        {t("conflict.heading")}
      </h2>
      <p className="mt-1">{t("conflict.message")}</p>
      {current ? (
        <>
          <details className="mt-3">
            <summary className="cursor-pointer font-medium">{t("conflict.compare")}</summary>
            <div className="mt-2">
              <LineDiffView
                t={t}
                diff={lineDiff(postSnapshotText(current.input, timeZone), formValuesText(mine))}
                caption={t("conflict.diffCaption")}
                oldLabel={t("conflict.storedVersion")}
                newLabel={t("conflict.yourText")}
              />
            </div>
          </details>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <button type="button" className={dangerButtonClass} disabled={pending} onClick={onOverwrite}>
              {t("conflict.overwrite")}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onTakeTheirs}>
              {t("conflict.takeTheirs")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={onDismiss}>
              {t("conflict.keepEditing")}
            </button>
            <a href={revisionsPath(current.input.slug)} target="_blank" rel="noopener" className={linkClass}>
              {t("conflict.openHistory")}
            </a>
          </div>
        </>
      ) : (
        <p className="mt-2">{t("conflict.gone")}</p>
      )}
    </section>
  );
}
