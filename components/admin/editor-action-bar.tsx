"use client";

import type { ReactNode } from "react";
import { useT } from "./i18n";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "./styles";

/**
 * Where the editor's work stands: working, unsaved changes, or nothing to say. Server autosave (issue 12 item 4) will
 * say "saved 10:42" here too.
 */
export function SaveState({ pending, dirty }: { pending: boolean; dirty: boolean }) {
  const t = useT();
  return (
    <span data-testid="save-state" className="text-xs text-slate-500 dark:text-slate-400" aria-hidden={!dirty && !pending}>
      {pending ? t("editor.working") : dirty ? t("editor.unsaved") : ""}
    </span>
  );
}

/** The buttons that act on the whole post, kept in reach at the bottom of the screen while writing. */
export function EditorActionBar({
  isNew,
  published,
  busy,
  onPublish,
  onUnpublish,
  onPreview,
  onDelete,
  state,
}: {
  isNew: boolean;
  published: boolean;
  busy: boolean;
  onPublish: () => void;
  onUnpublish: () => void;
  onPreview: () => void;
  onDelete: () => void;
  state: ReactNode;
}) {
  const t = useT();
  return (
    <div className="sticky bottom-0 z-10 mt-6 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <button type="submit" disabled={busy} className={primaryButtonClass}>
        {t("editor.save")}
      </button>
      {published ? (
        <button type="button" disabled={busy} onClick={onUnpublish} className={secondaryButtonClass}>
          {t("editor.unpublish")}
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={onPublish} className={secondaryButtonClass}>
          {t("editor.publish")}
        </button>
      )}
      <button type="button" onClick={onPreview} className={secondaryButtonClass}>
        {t("editor.preview")}
      </button>
      {state}
      {!isNew ? (
        <button type="button" disabled={busy} onClick={onDelete} className={`${dangerButtonClass} ml-auto`}>
          {t("editor.delete")}
        </button>
      ) : null}
    </div>
  );
}
