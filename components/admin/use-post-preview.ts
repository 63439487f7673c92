"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { previewPost } from "@/app/admin/actions";
import type { PostFormat } from "@/lib/content/types";
import { failureMessage } from "./action-feedback";
import { thrownActionMessage } from "./thrown-action-message";

export const PREVIEW_DELAY_MS = 400;

type PreviewData = Extract<Awaited<ReturnType<typeof previewPost>>, { ok: true }>["data"];
export type PreviewError = NonNullable<PreviewData["error"]>;

export type PreviewState =
  | { kind: "idle" }
  | { kind: "rendered"; content: ReactNode | null }
  | { kind: "invalid"; error: PreviewError }
  | { kind: "failed"; message: string };

export interface PreviewInput {
  body: string;
  format: PostFormat;
  title: string;
}

/**
 * The body rendered by the server with the public page's renderer, again each time the input rests for
 * `PREVIEW_DELAY_MS`, and at once on `refresh()`. Answers can arrive out of order, so only the newest request's answer
 * is shown.
 */
export function usePostPreview(input: PreviewInput): { state: PreviewState; loading: boolean; refresh: () => void } {
  const [state, setState] = useState<PreviewState>({ kind: "idle" });
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const current = useRef(input);
  current.current = input;

  const run = useCallback(async (request: PreviewInput) => {
    const id = ++latest.current;
    setLoading(true);
    try {
      const result = await previewPost(undefined, request);
      if (id !== latest.current) return;
      if (!result.ok) setState({ kind: "failed", message: failureMessage(result) });
      else if (result.data.error) setState({ kind: "invalid", error: result.data.error });
      else setState({ kind: "rendered", content: result.data.content });
    } catch {
      const message = await thrownActionMessage();
      if (id === latest.current) setState({ kind: "failed", message });
    } finally {
      if (id === latest.current) setLoading(false);
    }
  }, []);

  const { body, format, title } = input;
  useEffect(() => {
    const timer = window.setTimeout(() => void run({ body, format, title }), PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [body, format, title, run]);

  const refresh = useCallback(() => void run(current.current), [run]);
  return { state, loading, refresh };
}

/** "Line 12: Unexpected character" — how a compile error reads next to the editor. */
export function previewErrorText(error: PreviewError): string {
  if (error.line === null) return error.message;
  return `Line ${error.line}${error.column === null ? "" : `, column ${error.column}`}: ${error.message}`;
}
