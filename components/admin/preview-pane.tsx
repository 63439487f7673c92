"use client";

import type { Ref } from "react";
import type { AdminTranslator } from "@/lib/i18n/catalogue";
import { useT } from "./i18n";
import { secondaryButtonClass } from "./styles";
import type { PreviewError, PreviewState } from "./use-post-preview";

/** "第 12 行：Unexpected character" — how a compile error reads next to the editor (the message is the compiler's). */
export function previewErrorText(error: PreviewError, t: AdminTranslator): string {
  if (error.line === null) return error.message;
  return error.column === null
    ? t("preview.line", { line: error.line, message: error.message })
    : t("preview.lineColumn", { line: error.line, column: error.column, message: error.message });
}

/**
 * Shows the server-rendered preview: the post as its public page would show it (title, byline, tags, source box, body),
 * already sanitized by the renderer and inserted as React nodes, never as HTML.
 */
export function PreviewPane({
  ref,
  state,
  loading,
  onGoToLine,
}: {
  ref?: Ref<HTMLElement>;
  state: PreviewState;
  loading: boolean;
  onGoToLine: (line: number) => void;
}) {
  const t = useT();
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="preview-heading" aria-busy={loading} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="preview-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {t("preview.asReaders")}
        </h2>
        {loading ? <span className="text-xs text-slate-500 dark:text-slate-400">{t("preview.rendering")}</span> : null}
      </div>
      {state.kind === "invalid" ? (
        <div role="alert" data-testid="preview-error" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-mono">{previewErrorText(state.error, t)}</p>
          {state.error.line !== null ? (
            <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => state.error.line !== null && onGoToLine(state.error.line)}>
              {t("preview.goToLine", { line: state.error.line })}
            </button>
          ) : null}
        </div>
      ) : null}
      {state.kind === "failed" ? (
        <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {state.message}
        </p>
      ) : null}
      {state.kind === "rendered" ? state.content : null}
      {state.kind === "idle" ? <p className="text-sm text-slate-500 dark:text-slate-400">{t("preview.idle")}</p> : null}
    </section>
  );
}
