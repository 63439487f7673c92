import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { ActionError } from "@/lib/auth/action-error";
import { ForbiddenError, UnauthorizedError } from "@/lib/auth/errors";
import { hasRole } from "@/lib/auth/guards";
import { getSessionEditor } from "@/lib/auth/session";
import type { Role, SessionEditor } from "@/lib/auth/types";
import { ConflictError, PostNotFoundError, SlugTakenError, StoreUnavailableError } from "@/lib/store/types";

export type ActionFailure = {
  ok: false;
  /** "unauthorized" and "forbidden" are codes; every other value is a message for the editor. */
  error: string;
  /** What went wrong, for code to branch on: "invalid", "conflict", "slug-taken", "not-found", "unavailable", "error". */
  code?: string;
  /** Per field, keyed by the field's path ("title", "tags.0"). */
  fieldErrors?: Record<string, string[]>;
};

export type ActionState<R> = { ok: true; data: R } | ActionFailure;

export type EditorActionBody<S extends z.ZodType, R> = (
  input: z.infer<S>,
  ctx: { editor: SessionEditor },
) => Promise<R>;

export type EditorAction<S extends z.ZodType, R> = (
  prevState: ActionState<R> | undefined,
  input: FormData | z.input<S>,
) => Promise<ActionState<R>>;

export const GENERIC_ERROR = "Something went wrong. Please try again.";

/** React adds its own `$ACTION_…` fields to a form it submits; they are not the editor's input. */
function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}

function failureFromIssues(issues: readonly z.core.$ZodIssue[]): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (key) (fieldErrors[key] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return { ok: false, code: "invalid", error: formErrors[0] ?? "Check the highlighted fields.", fieldErrors };
}

function failureFromError(error: unknown, editor: SessionEditor): ActionFailure {
  if (error instanceof UnauthorizedError) return { ok: false, error: "unauthorized" };
  if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
  if (error instanceof ActionError) {
    return { ok: false, code: error.code, error: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) };
  }
  if (ConflictError.is(error)) return { ok: false, code: "conflict", error: error.message };
  if (SlugTakenError.is(error)) {
    return { ok: false, code: "slug-taken", error: error.message, fieldErrors: { slug: [error.message] } };
  }
  if (PostNotFoundError.is(error)) return { ok: false, code: "not-found", error: error.message };
  if (StoreUnavailableError.is(error)) {
    console.error("[action] store unavailable", { editor: editor.email }, error);
    return { ok: false, code: "unavailable", error: "The store cannot be reached right now. Nothing was saved." };
  }
  console.error("[action] unexpected error", { editor: editor.email }, error);
  return { ok: false, code: "error", error: GENERIC_ERROR };
}

/**
 * The one way to write a server action that changes something. In this order, and nothing later runs when an
 * earlier step refuses: the session (anonymous → `{ ok: false, error: "unauthorized" }`), the role
 * (→ `"forbidden"`), the input against `schema` (→ `fieldErrors`), then `body`. Known domain errors become messages;
 * anything else is logged and answered with a generic error, so no stack trace reaches the browser.
 *
 * The result works with `useActionState(action, undefined)` and can also be called with a plain object:
 * `await action(undefined, { slug })`. Next's `redirect()`/`notFound()` inside `body` still work.
 */
export function editorAction<S extends z.ZodType, R>(
  schema: S,
  body: EditorActionBody<S, R>,
  opts: { role?: Role } = {},
): EditorAction<S, R> {
  return async (_prevState, input) => {
    let editor: SessionEditor | null;
    try {
      editor = await getSessionEditor();
    } catch (error) {
      unstable_rethrow(error);
      console.error("[action] could not read the session", error);
      return { ok: false, code: "unavailable", error: GENERIC_ERROR };
    }
    if (!editor) return { ok: false, error: "unauthorized" };
    if (opts.role && !hasRole(editor, opts.role)) return { ok: false, error: "forbidden" };

    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return failureFromIssues(parsed.error.issues);

    try {
      return { ok: true, data: await body(parsed.data, { editor }) };
    } catch (error) {
      unstable_rethrow(error);
      return failureFromError(error, editor);
    }
  };
}
