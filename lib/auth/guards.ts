import "server-only";
import { redirect } from "next/navigation";
import { signInUrl } from "@/lib/auth/callback-url";
import { can, type Action, type PostFacts } from "@/lib/auth/permissions";
import { getSessionEditor } from "@/lib/auth/session";
import type { SessionEditor } from "@/lib/auth/types";

/** Where a signed-in editor lands when their role may not open a page. */
export const FORBIDDEN_PATH = "/admin/forbidden";

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
 * For pages, after `requireEditorPage`: sends an editor whose role may not do `action` (on `post`) to the forbidden
 * page, which says so. (Next's `forbidden()` would need `experimental.authInterrupts`.)
 */
export function requirePermissionPage(editor: SessionEditor, action: Action, post?: PostFacts | null): void {
  if (!can(editor, action, post)) redirect(FORBIDDEN_PATH);
}

/** Sign-in and the role in one step, for pages that concern no particular post (/admin/users). */
export async function requireActionPage(path: string, action: Action): Promise<SessionEditor> {
  const editor = await requireEditorPage(path);
  requirePermissionPage(editor, action);
  return editor;
}
