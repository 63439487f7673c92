"use client";

import type { ReactNode } from "react";
import type { AutosaveState } from "./autosave";
import { useAdminI18n, useT } from "./i18n";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "./styles";

/**
 * Where the editor's work stands: working, autosaving, unsaved changes, "autosaved 10:42" (the editor's own clock), or
 * why the last autosave did not go through. Polite: a screen reader hears it between sentences, not over them.
 */
export function SaveState({ pending, dirty, autosave }: { pending: boolean; dirty: boolean; autosave: AutosaveState }) {
  const { t, locale } = useAdminI18n();
  const text = pending
    ? t("editor.working")
    : autosave.kind === "saving"
      ? t("editor.autosaving")
      : autosave.kind === "failed"
        ? t("editor.autosaveFailed", { message: autosave.message })
        : dirty
          ? t("editor.unsaved")
          : autosave.kind === "saved"
            ? t("editor.autosaved", { time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(autosave.at) })
            : "";
  return (
    <span data-testid="save-state" role="status" className="text-xs text-slate-500 dark:text-slate-400">
      {text}
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
