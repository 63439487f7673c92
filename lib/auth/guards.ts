import "server-only";
import { redirect } from "next/navigation";
import { DEFAULT_AFTER_SIGN_IN, signInUrl } from "@/lib/auth/callback-url";
import { ForbiddenError, UnauthorizedError } from "@/lib/auth/errors";
import { getSessionEditor } from "@/lib/auth/session";
import type { Role, SessionEditor } from "@/lib/auth/types";

export function hasRole(editor: SessionEditor, role: Role): boolean {
  return role === "editor" || editor.role === "admin";
}

/** For server actions and route handlers: throws `UnauthorizedError` when nobody is signed in. */
export async function requireEditor(): Promise<SessionEditor> {
  const editor = await getSessionEditor();
  if (!editor) throw new UnauthorizedError();
  return editor;
}

/** Like `requireEditor`, and throws `ForbiddenError` for an editor who is not an admin. */
export async function requireAdmin(): Promise<SessionEditor> {
  const editor = await requireEditor();
  if (!hasRole(editor, "admin")) throw new ForbiddenError();
  return editor;
}

/**
 * For pages and layouts: sends an anonymous visitor to the sign-in page, which brings them back to `path`.
 * Pages must call it themselves: a layout is not re-rendered on client-side navigation, so its check alone can be stale.
 */
export async function requireEditorPage(path: string): Promise<SessionEditor> {
  const editor = await getSessionEditor();
  if (!editor) redirect(signInUrl(path));
  return editor;
}

/**
 * Like `requireEditorPage`; an editor who is not an admin is sent to the post list. (Next's `forbidden()` would need
 * `experimental.authInterrupts`.)
 */
export async function requireAdminPage(path: string): Promise<SessionEditor> {
  const editor = await requireEditorPage(path);
  if (!hasRole(editor, "admin")) redirect(DEFAULT_AFTER_SIGN_IN);
  return editor;
}
