"use client";

import type { EditablePost } from "@/lib/admin/types";
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
  message,
  current,
  mine,
  pending,
  onOverwrite,
  onTakeTheirs,
  onDismiss,
}: {
  message: string;
  current: EditablePost | null;
  mine: PostFormValues;
  pending: boolean;
  onOverwrite: () => void;
  onTakeTheirs: () => void;
  onDismiss: () => void;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <h2 id="conflict-heading" className="font-semibold">
        Someone else changed this post
      </h2>
      <p className="mt-1">{message}</p>
      {current ? (
        <>
          <details className="mt-3">
            <summary className="cursor-pointer font-medium">Compare with the other version</summary>
            <div className="mt-2">
              <LineDiffView
                diff={lineDiff(postSnapshotText(current.input), formValuesText(mine))}
                caption="From the stored version to your text"
                oldLabel="the stored version"
                newLabel="your text"
              />
            </div>
          </details>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <button type="button" className={dangerButtonClass} disabled={pending} onClick={onOverwrite}>
              Overwrite with my version
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onTakeTheirs}>
              Discard my changes and load theirs
            </button>
            <button type="button" className={secondaryButtonClass} onClick={onDismiss}>
              Keep editing
            </button>
            <a href={revisionsPath(current.input.slug)} target="_blank" rel="noopener" className={linkClass}>
              Open the revision history in a new tab
            </a>
          </div>
        </>
      ) : (
        <p className="mt-2">The post no longer exists. Copy your text before leaving this page.</p>
      )}
    </section>
  );
}
