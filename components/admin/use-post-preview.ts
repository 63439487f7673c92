"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { previewPost } from "@/app/admin/actions";
import type { PreviewInput } from "@/lib/admin/post-schema";
import { useEditorAction } from "./use-editor-action";

export const PREVIEW_DELAY_MS = 400;

type PreviewData = Extract<Awaited<ReturnType<typeof previewPost>>, { ok: true }>["data"];
export type PreviewError = NonNullable<PreviewData["error"]>;

export type PreviewState =
  | { kind: "idle" }
  | { kind: "rendered"; content: ReactNode | null }
  | { kind: "invalid"; error: PreviewError }
  | { kind: "failed"; message: string };

export type { PreviewInput };

/**
 * The post rendered by the server as its public page shows it, again each time the input rests for `PREVIEW_DELAY_MS`,
 * and at once on `refresh()`. Answers can arrive out of order, so only the newest request's answer is shown. An expired
 * session is only reported here: the preview runs while the editor types and must not carry them off to sign in.
 */
export function usePostPreview(input: PreviewInput): { state: PreviewState; loading: boolean; refresh: () => void } {
  const [state, setState] = useState<PreviewState>({ kind: "idle" });
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const current = useRef(input);
  useLayoutEffect(() => {
    current.current = input;
  });
  const { run: preview } = useEditorAction(previewPost, { unauthorized: "message" });

  const run = useCallback(
    async (request: PreviewInput) => {
      const id = ++latest.current;
      setLoading(true);
      const result = await preview(request);
      if (id !== latest.current) return;
      setLoading(false);
      if (!result.ok) setState({ kind: "failed", message: result.message });
      else if (result.data.error) setState({ kind: "invalid", error: result.data.error });
      else setState({ kind: "rendered", content: result.data.content });
    },
    [preview],
  );

  const { body, format, title, date, author, source, tags, categories } = input;
  useEffect(() => {
    const timer = window.setTimeout(() => void run({ body, format, title, date, author, source, tags, categories }), PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [body, format, title, date, author, source, tags, categories, run]);

  const refresh = useCallback(() => void run(current.current), [run]);
  return { state, loading, refresh };
}
