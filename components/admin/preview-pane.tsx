"use client";

import type { Ref } from "react";
import { previewErrorText, type PreviewState } from "./use-post-preview";
import { secondaryButtonClass } from "./styles";

/**
 * Shows the server-rendered preview. The content is what the public page would show, already sanitized by the renderer;
 * it is inserted as React nodes, never as HTML.
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
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="preview-heading"
      aria-busy={loading}
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="preview-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Preview
        </h2>
        {loading ? <span className="text-xs text-slate-500 dark:text-slate-400">Rendering…</span> : null}
      </div>
      {state.kind === "invalid" ? (
        <div
          role="alert"
          data-testid="preview-error"
          className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p className="font-mono">{previewErrorText(state.error)}</p>
          {state.error.line !== null ? (
            <button
              type="button"
              className={`${secondaryButtonClass} mt-2`}
              onClick={() => state.error.line !== null && onGoToLine(state.error.line)}
            >
              Go to line {state.error.line}
            </button>
          ) : null}
        </div>
      ) : null}
      {state.kind === "failed" ? (
        <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {state.message}
        </p>
      ) : null}
      {state.kind === "rendered" ? (
        <div
          data-testid="preview-content"
          className="prose prose-slate max-w-none dark:prose-invert prose-a:text-sky-700 dark:prose-a:text-sky-400"
        >
          {state.content}
        </div>
      ) : null}
      {state.kind === "idle" ? <p className="text-sm text-slate-500 dark:text-slate-400">The preview appears as you type.</p> : null}
    </section>
  );
}
