"use client";

import { useRouter } from "next/navigation";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { ActionFailure, ActionState } from "@/lib/auth/action";
import { signInUrl } from "@/lib/auth/callback-url";
import { failureMessage, isUnauthorized } from "./action-feedback";
import { useT } from "./i18n";
import { thrownActionCause } from "./thrown-action-cause";

export type EditorActionResult<R> =
  | { ok: true; data: R }
  /** The action answered with a refusal: a field error, a slug taken, the store unavailable, … */
  | { ok: false; reason: "failed"; failure: ActionFailure; message: string }
  /** Nobody is signed in any more (the action said so, or it could not be reached and the session is gone). */
  | { ok: false; reason: "unauthorized"; message: string }
  /** The server did not answer at all. */
  | { ok: false; reason: "unreachable"; message: string };

export interface EditorActionOptions {
  /**
   * What an expired session does. "sign-in" (the default, for what the editor clicked): keep the text with
   * `beforeSignIn`, then go to the sign-in page, which comes back here. "message": only say so, for work the editor did
   * not ask for (the live preview must not carry them off mid-sentence).
   */
  unauthorized?: "sign-in" | "message";
  /** Runs before leaving for the sign-in page; the editor writes its local backup there, so the text survives. */
  beforeSignIn?: () => void;
}

type ServerAction<I, R> = (prevState: undefined, input: I) => Promise<ActionState<R>>;

/**
 * Calls a server action from a client component the one way the admin does it: a pending flag, the last result, one
 * message for every way it can fail (refused, session expired, server unreachable) in the editor's language, and an
 * expired session handled by signing in again without losing what was typed.
 */
export function useEditorAction<I, R>(action: ServerAction<I, R>, options: EditorActionOptions = {}) {
  const t = useT();
  const router = useRouter();
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const optionsRef = useRef(options);
  useLayoutEffect(() => {
    optionsRef.current = options;
  });

  const unauthorized = useCallback((): EditorActionResult<R> => {
    const message = t("errors.sessionExpired");
    setError(message);
    const { unauthorized: mode = "sign-in", beforeSignIn } = optionsRef.current;
    if (mode === "sign-in") {
      beforeSignIn?.();
      router.push(signInUrl(`${window.location.pathname}${window.location.search}`));
    }
    return { ok: false, reason: "unauthorized", message };
  }, [router, t]);

  const run = useCallback(
    async (input: I): Promise<EditorActionResult<R>> => {
      setRunning((count) => count + 1);
      setError(null);
      try {
        let state: ActionState<R>;
        try {
          state = await action(undefined, input);
        } catch {
          if ((await thrownActionCause()) === "unauthorized") return unauthorized();
          const message = t("errors.unreachable");
          setError(message);
          return { ok: false, reason: "unreachable", message };
        }
        if (state.ok) {
          setResult(state.data);
          return state;
        }
        if (isUnauthorized(state)) return unauthorized();
        const message = failureMessage(state, t);
        setError(message);
        return { ok: false, reason: "failed", failure: state, message };
      } finally {
        setRunning((count) => count - 1);
      }
    },
    [action, t, unauthorized],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, pending: running > 0, error, result, clearError };
}
